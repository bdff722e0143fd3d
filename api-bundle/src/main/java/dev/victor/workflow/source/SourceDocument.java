package dev.victor.workflow.source;

import java.util.Locale;
import java.util.Objects;

/**
 * One document a {@link WorkflowSource} read.
 *
 * @param name        what problems and messages call it: a path, a URL without secrets, a key
 * @param content     the bytes as stored (the source enforces its size limit)
 * @param mediaType   the media type the store gave ({@code application/json}, ...), or {@code null}
 * @param fingerprint changes when the content changes (see {@link WorkflowSource#fingerprint}),
 *                    or {@code null} for "do not cache"
 * @param trusted     whether the document may reach the host: read {@code $env.NAME} values and
 *                    {@code $ref} other documents. Local files the operator placed are trusted;
 *                    fetched content (HTTP, databases, object stores) never is
 * @param references  resolves {@code $ref} targets relative to this document;
 *                    {@link ReferenceResolver#NONE} for a document that may not refer to others
 */
public record SourceDocument(String name, byte[] content, String mediaType, String fingerprint, boolean trusted,
                             ReferenceResolver references) {

    public SourceDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        references = references == null ? ReferenceResolver.NONE : references;
    }

    /** An untrusted document that refers to nothing: what a fetched document is. */
    public static SourceDocument fetched(String name, byte[] content, String mediaType, String fingerprint) {
        return new SourceDocument(name, content, mediaType, fingerprint, false, ReferenceResolver.NONE);
    }

    /**
     * The extension of the name's last segment, lower case and without the dot ({@code yaml} for
     * {@code flows/review.yaml?ref=main}), or {@code ""} when it has none.
     */
    public String extension() {
        String path = name;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String last = path.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        return dot <= 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type without parameters, lower case, or {@code ""} when unknown. */
    public String baseMediaType() {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    @Override
    public String toString() {
        return "SourceDocument[" + name + ", " + content.length + " bytes, " + mediaType + ", trusted=" + trusted + "]";
    }
}
