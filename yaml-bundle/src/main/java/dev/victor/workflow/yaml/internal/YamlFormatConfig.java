package dev.victor.workflow.yaml.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the YAML format component (PID {@code dev.victor.workflow.yaml}): its parse
 * limits. OSGi names the properties with dots: {@code max.document.bytes}, {@code max.nesting.depth},
 * {@code max.aliases}, {@code max.alias.expansion}, {@code max.values}. Where files are read from,
 * {@code $env} and {@code $ref} are settings of the registry's file source (PID
 * {@code dev.victor.workflow.files}).
 */
@ObjectClassDefinition(name = "Victor workflows: YAML format",
        description = "Reads workflows written in YAML: the parse limits.")
public @interface YamlFormatConfig {

    @AttributeDefinition(name = "Maximum document size (bytes)")
    long max_document_bytes() default YamlLimits.DEFAULT_MAX_DOCUMENT_BYTES;

    @AttributeDefinition(name = "Maximum nesting depth")
    int max_nesting_depth() default YamlLimits.DEFAULT_MAX_NESTING_DEPTH;

    @AttributeDefinition(name = "Maximum alias uses per document")
    int max_aliases() default YamlLimits.DEFAULT_MAX_ALIASES;

    @AttributeDefinition(name = "Maximum values copied through aliases per document")
    int max_alias_expansion() default YamlLimits.DEFAULT_MAX_ALIAS_EXPANSION;

    @AttributeDefinition(name = "Maximum values per document", description = "Scalars (keys too), mappings "
            + "and sequences as written, before aliases are expanded.")
    int max_values() default YamlLimits.DEFAULT_MAX_VALUES;
}
