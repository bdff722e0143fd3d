package dev.victor.workflow.registry.file.internal;

import dev.victor.workflow.registry.file.FileSourceOptions;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The configuration of local workflow files (PID {@value #PID}): the {@code file} scheme and the
 * path-or-text schemes of the formats ({@code yaml}, {@code yml}, {@code json}).
 */
@ObjectClassDefinition(id = FilesConfig.PID, name = "Victor workflows: local files",
        description = "Where workflow files may be read from, $env and $ref (schemes file, yaml, yml, json and F+file)")
public @interface FilesConfig {

    String PID = "dev.victor.workflow.files";

    @AttributeDefinition(name = "Base directory", description = "When set, file sources and $ref targets "
            + "must be inside this directory (relative paths are resolved against it). Empty: no confinement.")
    String base_directory() default "";

    @AttributeDefinition(name = "Strict", description = "Unknown keys are errors instead of warnings.")
    boolean strict() default false;

    @AttributeDefinition(name = "Custom node types", description = "Node types that installed node "
            + "executors provide, accepted besides the built-in ones.")
    String[] custom_node_types() default {};

    @AttributeDefinition(name = "Allow $env", description = "When $env.NAME is read from the environment: "
            + "auto (for files only, not for text handed in), true (always) or false (never).",
            options = {@Option(label = "auto", value = "auto"), @Option(label = "true", value = "true"),
                    @Option(label = "false", value = "false")})
    String allow_env() default "auto";

    @AttributeDefinition(name = "Maximum file size (bytes)", description = "Also of a referenced file")
    long max_document_bytes() default FileSourceOptions.DEFAULT_MAX_DOCUMENT_BYTES;

    @AttributeDefinition(name = "Maximum $ref items per document")
    int max_references() default FileSourceOptions.DEFAULT_MAX_REFERENCES;
}
