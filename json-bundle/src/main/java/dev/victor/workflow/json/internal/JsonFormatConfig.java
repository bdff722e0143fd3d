package dev.victor.workflow.json.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the JSON format component (PID {@code dev.victor.workflow.json}): its parse
 * limits. OSGi names the properties with dots: {@code max.document.bytes}, {@code max.nesting.depth},
 * {@code max.string.length}, {@code max.name.length}, {@code max.number.length}, {@code max.values}.
 * Where files are read from, {@code $env} and {@code $ref} are settings of the registry's file
 * source (PID {@code dev.victor.workflow.files}).
 */
@ObjectClassDefinition(name = "Victor workflows: JSON format",
        description = "Reads workflows written in JSON: the parse limits.")
public @interface JsonFormatConfig {

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
