package dev.victor.workflow.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How a {@link WorkflowReader} (and a {@link WorkflowValidator}) reads workflows.
 *
 * @param strict          unknown keys on a workflow, a node or a nested block are errors
 *                        instead of warnings
 * @param environment     looks up the variables of {@code $env.NAME} (returns {@code null} when a
 *                        variable is not set); {@code null} turns interpolation off: the text is
 *                        kept as written and a warning says so
 * @param customNodeTypes node types that installed executors provide, besides the built-in ones;
 *                        never {@code null}
 */
public record ReaderOptions(boolean strict, Function<String, String> environment, Set<String> customNodeTypes) {

    public ReaderOptions {
        customNodeTypes = customNodeTypes == null
                ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(customNodeTypes));
        for (String type : customNodeTypes) {
            Objects.requireNonNull(type, "custom node type");
        }
    }

    /** Not strict, no environment interpolation, no custom node types. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(false, null, Set.of());
    }

    public ReaderOptions withStrict(boolean newStrict) {
        return new ReaderOptions(newStrict, environment, customNodeTypes);
    }

    /** {@code null} turns {@code $env.NAME} interpolation off. */
    public ReaderOptions withEnvironment(Function<String, String> newEnvironment) {
        return new ReaderOptions(strict, newEnvironment, customNodeTypes);
    }

    /** {@code $env.NAME} reads the process environment ({@link System#getenv(String)}). */
    public ReaderOptions withSystemEnvironment() {
        return withEnvironment(System::getenv);
    }

    public ReaderOptions withCustomNodeTypes(Collection<String> newTypes) {
        return new ReaderOptions(strict, environment, newTypes == null ? Set.of() : new LinkedHashSet<>(newTypes));
    }

    /** These options plus one more custom node type. */
    public ReaderOptions withCustomNodeType(String type) {
        Set<String> types = new LinkedHashSet<>(customNodeTypes);
        types.add(Objects.requireNonNull(type, "type"));
        return new ReaderOptions(strict, environment, types);
    }

    /** Whether {@code $env.NAME} is replaced. */
    public boolean interpolatesEnvironment() {
        return environment != null;
    }
}
