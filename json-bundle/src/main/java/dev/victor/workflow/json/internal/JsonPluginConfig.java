package dev.victor.workflow.json.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of the JSON plugin component (PID {@code dev.victor.workflow.json}). OSGi names
 * the properties with dots: {@code base.directory}, {@code strict}, {@code allow.env}, {@code custom.node.types},
 * {@code max.document.bytes}, {@code max.nesting.depth}, {@code max.string.length},
 * {@code max.name.length}, {@code max.number.length}.
 */
@ObjectClassDefinition(name = "Victor workflows: JSON compiler plugin",
        description = "Reads workflows written in JSON (schemes json and json+file).")
public @interface JsonPluginConfig {

    @AttributeDefinition(name = "Base directory", description = "When set, file sources must be inside "
            + "this directory (relative paths are resolved against it). Empty: no confinement.")
    String base_directory() default "";

    @AttributeDefinition(name = "Strict", description = "Unknown keys are errors instead of warnings.")
    boolean strict() default false;

    @AttributeDefinition(name = "Custom node types", description = "Node types that installed node "
            + "executors provide, accepted besides the built-in ones.")
    String[] custom_node_types() default {};

    @AttributeDefinition(name = "Allow $env", description = "When $env.NAME is read from the environment: "
            + "auto (for local files only), true (always) or false (never).",
            options = {@Option(label = "auto", value = "auto"), @Option(label = "true", value = "true"),
                    @Option(label = "false", value = "false")})
    String allow_env() default "auto";

    @AttributeDefinition(name = "Maximum document size (bytes)")
    long max_document_bytes() default JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES;

    @AttributeDefinition(name = "Maximum nesting depth")
    int max_nesting_depth() default JsonLimits.DEFAULT_MAX_NESTING_DEPTH;

    @AttributeDefinition(name = "Maximum string length (characters)")
    int max_string_length() default JsonLimits.DEFAULT_MAX_STRING_LENGTH;

    @AttributeDefinition(name = "Maximum member name length (characters)")
    int max_name_length() default JsonLimits.DEFAULT_MAX_NAME_LENGTH;

    @AttributeDefinition(name = "Maximum number length (characters)")
    int max_number_length() default JsonLimits.DEFAULT_MAX_NUMBER_LENGTH;

    @AttributeDefinition(name = "Maximum values per document", description = "Member names, scalars, "
            + "objects and arrays.")
    int max_values() default JsonLimits.DEFAULT_MAX_VALUES;
}
