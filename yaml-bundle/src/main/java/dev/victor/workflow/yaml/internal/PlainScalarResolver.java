package dev.victor.workflow.yaml.internal;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SnakeYAML's YAML 1.1 {@link Resolver}, with the same answers, that runs fewer regular expressions.
 * SnakeYAML tries, for every scalar of at most ten characters that no resolver of its first
 * character took ({@code id}, {@code agent}, {@code next}), the resolvers registered for any first
 * character: its null words ({@value #NULL_PATTERN}) and the empty scalar ({@value #EMPTY_PATTERN}),
 * a matcher each. This one compares a non-empty scalar with the null words instead (the empty one
 * goes to SnakeYAML), and leaves everything to SnakeYAML when those resolvers are anything else.
 */
final class PlainScalarResolver extends Resolver {
    static final String NULL_PATTERN = "^(?:~|null|Null|NULL| )$";
    static final String EMPTY_PATTERN = "^$";
    private static final Set<String> NULL_WORDS = Set.of("~", "null", "Null", "NULL", " ");

    /** A resolver as registered. */
    private record Typed(Tag tag, Pattern pattern, int limit) {
    }

    // No initializers: both are filled while Resolver's constructor registers its resolvers.
    private Map<Character, List<Typed>> byFirstCharacter;
    private List<Typed> forAnyFirstCharacter;
    private final boolean knownForAny;

    PlainScalarResolver() {
        knownForAny = byFirstCharacter != null
                && Resolver.NULL.pattern().equals(NULL_PATTERN) && Resolver.EMPTY.pattern().equals(EMPTY_PATTERN)
                && forAnyFirstCharacter.stream().allMatch(typed -> typed.pattern() == Resolver.NULL
                        || typed.pattern() == Resolver.EMPTY);
    }

    /** Whether the resolvers for any first character are the known ones (else SnakeYAML answers everything). */
    boolean knowsTheResolversForAnyCharacter() {
        return knownForAny;
    }

    /** Registers as SnakeYAML does (a first character {@code \0} means any), and keeps a copy. */
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        super.addImplicitResolver(tag, regexp, first, limit);
        if (byFirstCharacter == null) {
            byFirstCharacter = new HashMap<>();
            forAnyFirstCharacter = new ArrayList<>();
        }
        Typed typed = new Typed(tag, regexp, limit);
        if (first == null) {
            forAnyFirstCharacter.add(typed);
            return;
        }
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == 0) {
                forAnyFirstCharacter.add(typed);
            } else {
                byFirstCharacter.computeIfAbsent(c, key -> new ArrayList<>()).add(typed);
            }
        }
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit || value.isEmpty() || !knownForAny) {
            return super.resolve(kind, value, implicit);
        }
        List<Typed> candidates = byFirstCharacter.get(value.charAt(0));
        if (candidates != null) {
            for (Typed candidate : candidates) {
                if (value.length() <= candidate.limit() && candidate.pattern().matcher(value).matches()) {
                    return candidate.tag();
                }
            }
        }
        for (Typed any : forAnyFirstCharacter) {
            // the empty pattern never matches a non-empty scalar
            if (any.pattern() == Resolver.NULL && value.length() <= any.limit() && NULL_WORDS.contains(value)) {
                return any.tag();
            }
        }
        return Tag.STR;
    }
}
