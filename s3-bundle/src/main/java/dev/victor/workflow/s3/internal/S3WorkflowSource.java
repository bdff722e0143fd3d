package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.s3.S3Listing;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Workflow documents in S3: {@code s3://BUCKET/KEY} is read with one {@code GET} within the size
 * limit, fingerprinted with one {@code HEAD} (ETag, and version id on a versioned bucket), and
 * {@code s3://BUCKET/PREFIX/} is listed. Content is untrusted ({@link SourceDocument#fetched}). The
 * object's Content-Type becomes the media type, unless it is the generic one S3 gives objects
 * stored without a type, so that the document's extension decides.
 */
public final class S3WorkflowSource implements WorkflowSource, S3Listing, AutoCloseable {

    private final S3Client client;
    private final S3Settings settings;
    private final S3Failures failures;

    /** A source with a client of its own, made from the settings and closed by {@link #close()}. */
    public S3WorkflowSource(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = S3Clients.create(settings);
        this.failures = new S3Failures(settings);
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public boolean accepts(String location) {
        return acceptsLocation(location);
    }

    /** Whether a location names an object (not a prefix) and is well formed. */
    static boolean acceptsLocation(String location) {
        try {
            return !S3Location.parse(location).isPrefix();
        } catch (WorkflowException e) {
            return false;
        }
    }

    @Override
    public SourceDocument read(String location) {
        S3Location object = object(location);
        return S3Clients.withBundleLoader(() -> {
            try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(object.bucket())
                    .key(object.key()))) {
                GetObjectResponse response = in.response();
                long limit = settings.maxBytes();
                if (response.contentLength() != null && response.contentLength() > limit) {
                    in.abort();
                    throw tooLarge(object, response.contentLength() + " bytes");
                }
                byte[] content = in.readNBytes((int) limit + 1);
                if (content.length > limit) {
                    in.abort();
                    throw tooLarge(object, "more than " + limit + " bytes");
                }
                return SourceDocument.fetched(object.uri(), content, mediaType(response.contentType()),
                        fingerprint(response.eTag(), response.versionId()));
            } catch (SdkException e) {
                throw failures.of("read", object, e);
            } catch (IOException e) {
                throw new WorkflowSourceUnavailableException(object.uri(), "Reading " + object.uri()
                        + " failed (" + failures.where() + "): " + e.getMessage(), e);
            }
        });
    }

    /** One {@code HEAD} request: the object's ETag, with its version id on a versioned bucket. */
    @Override
    public String fingerprint(String location) {
        S3Location object = object(location);
        return S3Clients.withBundleLoader(() -> {
            try {
                HeadObjectResponse head = client.headObject(b -> b.bucket(object.bucket()).key(object.key()));
                return fingerprint(head.eTag(), head.versionId());
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    // a HEAD answer has no body, so no error code: ask whether the bucket is there
                    throw bucketExists(object) ? failures.noObject(object, e) : failures.noBucket(object, e);
                }
                throw failures.of("check", object, e);
            } catch (SdkException e) {
                throw failures.of("check", object, e);
            }
        });
    }

    @Override
    public List<String> list(String location) {
        S3Location prefix = S3Location.parse(location);
        if (!prefix.isPrefix()) {
            prefix = new S3Location(prefix.bucket(), prefix.key() + "/");
        }
        S3Location where = prefix;
        return S3Clients.withBundleLoader(() -> {
            List<String> found = new ArrayList<>();
            try {
                ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(where.bucket())
                        .prefix(where.key().isEmpty() ? null : where.key())
                        .maxKeys(Math.min(1000, settings.maxListed() + 1)).build();
                for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
                    for (S3Object object : page.contents()) {
                        if (object.key().endsWith("/")) {
                            continue;
                        }
                        if (found.size() == settings.maxListed()) {
                            throw new WorkflowException("More than " + settings.maxListed() + " objects under "
                                    + where.uri() + " (the s3 source's listing limit 'max.listed')");
                        }
                        found.add(where.bucket() + "/" + object.key());
                    }
                }
                return List.copyOf(found);
            } catch (SdkException e) {
                throw failures.of("list", where, e);
            }
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private S3Location object(String location) {
        S3Location parsed = S3Location.parse(location);
        if (parsed.isPrefix()) {
            throw new WorkflowException(parsed.uri() + " names a prefix, not an object: name a key, such as "
                    + parsed.uri() + (parsed.key().isEmpty() || parsed.key().endsWith("/") ? "" : "/") + "review.yaml");
        }
        return parsed;
    }

    private boolean bucketExists(S3Location object) {
        try {
            client.headBucket(b -> b.bucket(object.bucket()));
            return true;
        } catch (S3Exception e) {
            return e.statusCode() != 404;
        } catch (SdkException e) {
            return true;
        }
    }

    private WorkflowException tooLarge(S3Location object, String size) {
        return new WorkflowException(object.uri() + " is " + size + ", larger than the s3 source's limit of "
                + settings.maxBytes() + " bytes ('max.bytes')");
    }

    /** The ETag, and the version id when the bucket keeps versions. */
    static String fingerprint(String eTag, String versionId) {
        String tag = eTag == null ? "" : eTag;
        return versionId == null || versionId.isEmpty() || versionId.equals("null") ? "etag:" + tag
                : "etag:" + tag + ";version:" + versionId;
    }

    /** The stored Content-Type, or {@code null} for none or S3's generic default (the extension decides then). */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("binary/octet-stream") || base.equals("application/octet-stream") ? null : contentType;
    }
}
