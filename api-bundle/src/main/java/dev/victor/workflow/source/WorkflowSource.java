package dev.victor.workflow.source;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where workflow documents come from: a file system, an HTTP server, a database, an object store.
 * Published as a service with the {@value #SCHEME_PROPERTY} property naming the URI schemes it
 * serves; the registry hands it the part of a URI after {@code scheme://} (the location), reads
 * the document through it, parses it with the format its media type or extension names (or the
 * one a compound scheme such as {@code json+https} names) and compiles it. A source knows nothing
 * of formats or of the engine.
 */
@ConsumerType
public interface WorkflowSource {

    /** The service property that lists the URI schemes a source serves. */
    String SCHEME_PROPERTY = "scheme";

    /**
     * Reads the document at a location, within the source's size limit.
     *
     * @param location the part of the URI after {@code scheme://}
     * @throws dev.victor.workflow.api.WorkflowSourceNotFoundException    when there is nothing there
     * @throws dev.victor.workflow.api.WorkflowSourceUnavailableException when it cannot be read now
     * @throws dev.victor.workflow.api.WorkflowException                  when the location is refused
     */
    SourceDocument read(String location);

    /**
     * A value that changes whenever the content at the location changes (a content hash, an ETag,
     * a row version, an object version), for the registry's cache. A source that can ask its store
     * without reading the content (file attributes, {@code HEAD}, {@code SELECT version}) overrides
     * this; by default the document is read. {@code null} means "do not cache".
     */
    default String fingerprint(String location) {
        return read(location).fingerprint();
    }

    /** A cheap check that the location is well formed for this source; never throws. */
    default boolean accepts(String location) {
        return location != null;
    }
}
