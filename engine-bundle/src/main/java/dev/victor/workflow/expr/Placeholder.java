package dev.victor.workflow.expr;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a dry run writes where a service that is not installed (a handler, tool, agent runtime,
 * named transform or function) would have written its result. It behaves like an empty,
 * permissive object, so that the rest of the workflow can still be walked:
 *
 * <ul>
 *   <li>it is an empty, read-only map: {@code p.get(k, d)} gives d, iteration gives nothing,
 *       {@code len(p)} is 0, {@code merge(p, x)} is x, and it is false;</li>
 *   <li>{@code p.b} and {@code p[k]} give a placeholder for that part ({@code what.b});</li>
 *   <li>arithmetic with it gives it back, and comparisons with it are false;</li>
 *   <li>{@code str(p)} says what it stands for: {@code <dry run: handler 'fetch'>}.</li>
 * </ul>
 *
 * <p>A condition whose value comes from a placeholder does not route on it: the run takes the
 * condition's {@code default}, else its first branch, and reports the choice. Immutable.
 */
public final class Placeholder extends AbstractMap<String, Object> {
    private final String what;

    private Placeholder(String what) {
        this.what = Objects.requireNonNull(what, "what");
    }

    /** A placeholder for the result of {@code what}, such as {@code handler 'fetch'}. */
    public static Placeholder of(String what) {
        return new Placeholder(what);
    }

    /** What it stands for. */
    public String what() {
        return what;
    }

    /** The placeholder for one part of this one: {@code what.key}. */
    public Placeholder part(Object key) {
        return new Placeholder(what + (key instanceof String s && isName(s) ? "." + s : "[" + PyValues.str(key) + "]"));
    }

    /** The placeholder for the result of a method called on this one: {@code what.method()}. */
    public Placeholder called(String method) {
        return new Placeholder(what + "." + method + "()");
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return Set.of();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** {@code <dry run: what>}. */
    @Override
    public String toString() {
        return "<dry run: " + what + ">";
    }
}
