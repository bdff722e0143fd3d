package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * The s3 source's settings, checked. The secret key and session token never appear in
 * {@link #toString()}.
 *
 * @param region         the region requests are signed for
 * @param endpoint       another store's URL, or {@code null} for AWS
 * @param pathStyle      address buckets in the path rather than the host name
 * @param accessKey      the access key id, or {@code ""} for the default provider chain
 * @param secretKey      the secret access key ({@code ""} with no access key)
 * @param sessionToken   a session token for temporary credentials, or {@code ""}
 * @param instanceCredentials whether the default chain may ask the EC2 instance metadata service
 * @param anonymous      send unsigned requests
 * @param connectTimeout longest wait for a connection
 * @param readTimeout    longest one request may take
 * @param maxAttempts    tries per request
 * @param maxBytes       largest document read
 * @param maxListed      most objects one listing returns
 */
public record S3Settings(String region, URI endpoint, boolean pathStyle, String accessKey, String secretKey,
                         String sessionToken, boolean instanceCredentials, boolean anonymous, Duration connectTimeout,
                         Duration readTimeout,
                         int maxAttempts, long maxBytes, int maxListed) {

    /** 10 MiB, as the other sources. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_LISTED = 1000;

    public S3Settings {
        Objects.requireNonNull(region, "region");
        accessKey = accessKey == null ? "" : accessKey.strip();
        secretKey = secretKey == null ? "" : secretKey;
        sessionToken = sessionToken == null ? "" : sessionToken;
        if (region.isBlank()) {
            throw new WorkflowException("S3 source: 'region' is empty");
        }
        if (!accessKey.isEmpty() && secretKey.isEmpty()) {
            throw new WorkflowException("S3 source: 'access.key' is set but '.secret.key' is empty");
        }
        if (accessKey.isEmpty() && !secretKey.isEmpty()) {
            throw new WorkflowException("S3 source: '.secret.key' is set but 'access.key' is empty");
        }
        if (anonymous && !accessKey.isEmpty()) {
            throw new WorkflowException("S3 source: 'anonymous' and 'access.key' exclude each other");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new WorkflowException("S3 source: 'connect.timeout' and 'read.timeout' must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new WorkflowException("S3 source: 'max.attempts' must be 1 to 10, not " + maxAttempts);
        }
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new WorkflowException("S3 source: 'max.bytes' must be 1 to " + (Integer.MAX_VALUE - 8) + ", not " + maxBytes);
        }
        if (maxListed < 1) {
            throw new WorkflowException("S3 source: 'max.listed' must be at least 1, not " + maxListed);
        }
    }

    /** The settings of a configuration. */
    static S3Settings of(S3Config config) {
        return new S3Settings(config.region().strip(), endpoint(config.endpoint()), config.path_style(),
                config.access_key(), config._secret_key(), config._session_token(), config.instance_credentials(),
                config.anonymous(),
                seconds(config.connect_timeout(), "connect.timeout"), seconds(config.read_timeout(), "read.timeout"),
                config.max_attempts(), config.max_bytes(), config.max_listed());
    }

    /** Settings for a store at an endpoint with these credentials, and every other setting at its default. */
    public static S3Settings forEndpoint(URI endpoint, String region, String accessKey, String secretKey) {
        return new S3Settings(region, endpoint, true, accessKey, secretKey, "", false, false, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 3, DEFAULT_MAX_BYTES, DEFAULT_MAX_LISTED);
    }

    public S3Settings withLimits(long maxBytes, int maxListed) {
        return new S3Settings(region, endpoint, pathStyle, accessKey, secretKey, sessionToken, instanceCredentials,
                anonymous, connectTimeout, readTimeout, maxAttempts, maxBytes, maxListed);
    }

    public S3Settings withTimeouts(Duration connect, Duration read, int attempts) {
        return new S3Settings(region, endpoint, pathStyle, accessKey, secretKey, sessionToken, instanceCredentials,
                anonymous, connect, read, attempts, maxBytes, maxListed);
    }

    /** How the credentials come, for messages: never the secret. */
    public String credentialsDescription() {
        if (anonymous) {
            return "anonymous";
        }
        if (!accessKey.isEmpty()) {
            return "access key " + accessKey;
        }
        return instanceCredentials ? "the default credentials provider chain"
                : "the default credentials provider chain without the instance profile";
    }

    /** Where requests go, for messages. */
    public String endpointDescription() {
        return endpoint == null ? "AWS" : endpoint.toString();
    }

    private static URI endpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getRawUserInfo() != null) {
                throw new WorkflowException("S3 source: 'endpoint' must not hold user information (put the"
                        + " credentials in 'access.key' and '.secret.key')");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new WorkflowException("S3 source: 'endpoint' must be an http or https URL, not '"
                        + text.strip() + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            // the reason only: the text may hold a password
            throw new WorkflowException("S3 source: 'endpoint' is not a URL: " + e.getReason() + " at index "
                    + e.getIndex());
        }
    }

    private static Duration seconds(double seconds, String name) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new WorkflowException("S3 source: '" + name + "' must be more than 0 and at most 86400 seconds, not "
                    + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Override
    public String toString() {
        return "S3Settings[region=" + region + ", endpoint=" + endpointDescription() + ", pathStyle=" + pathStyle
                + ", credentials=" + credentialsDescription() + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + ", maxBytes=" + maxBytes
                + ", maxListed=" + maxListed + "]";
    }
}
