package dev.victor.workflow.http.internal;

import dev.victor.workflow.kernel.source.Sha256;

import java.net.URI;
import java.util.Objects;

/**
 * A workflow document as fetched: its bytes (UTF-8), its media type, the server's validator and a
 * SHA-256 of the bytes.
 *
 * @param url          the URL asked for
 * @param finalUrl     the URL the body came from (after redirects)
 * @param content      the body, in UTF-8 (transcoded when the server declared another charset)
 * @param mediaType    the Content-Type as sent (its charset made {@code utf-8} when the body was
 *                     transcoded), or {@code null}
 * @param etag         the ETag, or {@code null}
 * @param lastModified the Last-Modified date as sent, or {@code null}
 * @param sha256       hex SHA-256 of the content
 */
record Document(URI url, URI finalUrl, byte[] content, String mediaType, String etag, String lastModified,
                String sha256) {

    Document {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sha256, "sha256");
    }

    static Document of(URI url, URI finalUrl, byte[] content, String mediaType, String etag, String lastModified) {
        return new Document(url, finalUrl, content, mediaType, etag, lastModified, Sha256.hex(content));
    }

    /** True when a conditional request can be made for it. */
    boolean hasValidator() {
        return etag != null || lastModified != null;
    }

    /**
     * What the registry's cache keys the document by: the server's validator (the ETag, else
     * Last-Modified, else the SHA-256 of the body), the media type (it picks the format), and the
     * URL the body came from when a redirect led elsewhere (two documents at different URLs may
     * carry the same validator). Never a header's value.
     */
    String fingerprint() {
        String validator = etag != null ? "ETag " + etag
                : lastModified != null ? "Last-Modified " + lastModified
                : "SHA-256 " + sha256;
        return validator + "; " + (mediaType == null ? "no Content-Type" : mediaType)
                + (finalUrl.equals(url) ? "" : "; from " + Urls.display(finalUrl));
    }


    /** Without the content, which may be long. */
    @Override
    public String toString() {
        return "Document[" + Urls.display(url) + ", " + fingerprint() + ", " + content.length + " bytes]";
    }
}
