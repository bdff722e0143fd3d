package dev.victor.workflow.http.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A workflow document as fetched: its text, format, the server's validator and a SHA-256 of
 * the text.
 *
 * @param url          the URL asked for
 * @param finalUrl     the URL the body came from (after redirects)
 * @param text         the body, decoded
 * @param format       how to read it
 * @param etag         the ETag, or {@code null}
 * @param lastModified the Last-Modified date as sent, or {@code null}
 * @param sha256       hex SHA-256 of the text
 */
record Document(URI url, URI finalUrl, String text, Format format, String etag, String lastModified,
                String sha256) {

    Document {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
    }

    static Document of(URI url, URI finalUrl, String text, Format format, String etag, String lastModified) {
        return new Document(url, finalUrl, text, format, etag, lastModified, sha256(text));
    }

    /** True when a conditional request can be made for it. */
    boolean hasValidator() {
        return etag != null || lastModified != null;
    }

    /** Same text and format: what was compiled from one is valid for the other. */
    boolean sameContent(Document other) {
        return other != null && sha256.equals(other.sha256) && format == other.format;
    }

    /**
     * The document's part of the cache key: the URL and the server's validator (the ETag, else
     * Last-Modified, else the SHA-256 of the text).
     */
    String cacheKey() {
        String validator = etag != null ? "ETag " + etag
                : lastModified != null ? "Last-Modified " + lastModified
                : "SHA-256 " + sha256;
        return url + " [" + validator + "]";
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Without the text, which may be long. */
    @Override
    public String toString() {
        return "Document[" + cacheKey() + ", " + format + ", " + text.length() + " characters"
                + (finalUrl.equals(url) ? "" : ", from " + finalUrl) + "]";
    }
}
