package dev.victor.workflow.format;

import dev.victor.workflow.source.SourceDocument;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A document format (YAML, JSON, ...): content in, a tree of maps, lists and scalars with the
 * position of every value out. Published as a service with the {@value #FORMAT_PROPERTY} property
 * (its name, which a compound scheme such as {@code json+https} names), and optionally
 * {@value #MEDIA_TYPES_PROPERTY} and {@value #EXTENSIONS_PROPERTY}, by which the registry picks it
 * for a document. A format knows nothing of files, URIs or the engine.
 */
@ConsumerType
public interface WorkflowFormat {

    /** The service property naming the format. */
    String FORMAT_PROPERTY = "format";
    /** The service property listing the media types the format reads. */
    String MEDIA_TYPES_PROPERTY = "format.media.types";
    /** The service property listing the file extensions (without the dot) the format reads. */
    String EXTENSIONS_PROPERTY = "format.extensions";

    /**
     * Parses a document within the format's limits.
     *
     * @throws dev.victor.workflow.api.InvalidWorkflowException with every problem (named after
     *                                                          the document, with line and column)
     */
    ParsedDocument parse(SourceDocument document);
}
