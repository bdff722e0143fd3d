package dev.victor.workflow.yaml.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of the YAML plugin component (PID {@code dev.victor.workflow.yaml}). OSGi names the
 * properties with dots: {@code base.directory}, {@code strict}, {@code allow.env}, {@code custom.node.types},
 * {@code max.document.bytes}, {@code max.nesting.depth}, {@code max.aliases},
 * {@code max.alias.expansion}, {@code max.references}, {@code max.values}.
 */
@ObjectClassDefinition(name = "Victor workflows: YAML compiler plugin",
        description = "Reads workflows written in YAML (schemes yaml, yml and file).")
public @interface YamlPluginConfig {

    @AttributeDefinition(name = "Base directory", description = "When set, file sources and $ref targets "
            + "must be inside this directory (relative paths are resolved against it). Empty: no confinement.")
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
    long max_document_bytes() default YamlLimits.DEFAULT_MAX_DOCUMENT_BYTES;

    @AttributeDefinition(name = "Maximum nesting depth")
    int max_nesting_depth() default YamlLimits.DEFAULT_MAX_NESTING_DEPTH;

    @AttributeDefinition(name = "Maximum alias uses per document")
    int max_aliases() default YamlLimits.DEFAULT_MAX_ALIASES;

    @AttributeDefinition(name = "Maximum values copied through aliases per document")
    int max_alias_expansion() default YamlLimits.DEFAULT_MAX_ALIAS_EXPANSION;

    @AttributeDefinition(name = "Maximum $ref items per source")
    int max_references() default YamlLimits.DEFAULT_MAX_REFERENCES;

    @AttributeDefinition(name = "Maximum values per document", description = "Scalars (keys too), mappings "
            + "and sequences as written, before aliases are expanded.")
    int max_values() default YamlLimits.DEFAULT_MAX_VALUES;
}
