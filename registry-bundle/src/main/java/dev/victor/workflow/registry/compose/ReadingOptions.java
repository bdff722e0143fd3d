package dev.victor.workflow.registry.compose;

import dev.victor.workflow.kernel.source.EnvPolicy;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How the documents of one source are read once parsed.
 *
 * @param strict          unknown keys are errors instead of warnings
 * @param customNodeTypes node types that installed node executors provide, accepted besides the built-in ones
 * @param env             when {@code $env.NAME} is read: {@link EnvPolicy#AUTO} for trusted documents only
 * @param environment     where {@code $env.NAME} values come from
 * @param maxReferences   most {@code $ref} items resolved for one document
 */
public record ReadingOptions(boolean strict, Set<String> customNodeTypes, EnvPolicy env,
                             Function<String, String> environment, int maxReferences) {

    /** 200 {@code $ref} items per document. */
    public static final int DEFAULT_MAX_REFERENCES = 200;

    private static final ReadingOptions DEFAULTS = new ReadingOptions(false, Set.of(), EnvPolicy.AUTO, System::getenv,
            DEFAULT_MAX_REFERENCES);

    public ReadingOptions {
        customNodeTypes = Set.copyOf(customNodeTypes);
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(environment, "environment");
        if (maxReferences < 0) {
            throw new IllegalArgumentException("maxReferences must not be negative, was " + maxReferences);
        }
    }

    /** Not strict, no custom node types, {@code $env} for trusted documents from the process environment. */
    public static ReadingOptions defaults() {
        return DEFAULTS;
    }
}
