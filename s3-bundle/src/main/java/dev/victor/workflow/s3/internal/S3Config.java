package dev.victor.workflow.s3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the s3 source (PID {@value #PID}), for example
 * {@code etc/dev.victor.workflow.s3.cfg}. OSGi names the properties with dots: {@code region},
 * {@code endpoint}, {@code path.style}, {@code access.key}, {@code .secret.key},
 * {@code .session.token}, {@code instance.credentials}, {@code anonymous}, {@code connect.timeout}, {@code read.timeout},
 * {@code max.attempts}, {@code max.bytes}, {@code max.listed}.
 *
 * <p>The secret key and the session token start with a dot: Declarative Services does not copy
 * such properties into the service's properties, which every bundle can read.
 */
@ObjectClassDefinition(id = S3Config.PID, name = "Victor workflows: S3 source",
        description = "Reads workflow documents from an S3 bucket (AWS or an S3-compatible store) for s3:// URIs")
public @interface S3Config {

    String PID = "dev.victor.workflow.s3";

    @AttributeDefinition(name = "Region", description = "The bucket's region, such as eu-west-1 (any value an"
            + " S3-compatible store takes; us-east-1 when it ignores regions)")
    String region() default "us-east-1";

    @AttributeDefinition(name = "Endpoint", required = false, description = "Another S3-compatible store's URL, such"
            + " as http://127.0.0.1:9000 (MinIO, Ceph, Cloudflare R2, LocalStack); empty: AWS")
    String endpoint() default "";

    @AttributeDefinition(name = "Path-style access", description = "Address buckets as ENDPOINT/BUCKET/KEY rather"
            + " than BUCKET.ENDPOINT/KEY (most S3-compatible stores need it)")
    boolean path_style() default false;

    @AttributeDefinition(name = "Access key id", required = false, description = "With the secret key: these"
            + " credentials. Empty: the default provider chain (environment, system properties, ~/.aws, container,"
            + " instance profile)")
    String access_key() default "";

    @AttributeDefinition(name = "Secret access key", type = AttributeType.PASSWORD, required = false,
            description = "Never logged or shown in messages")
    String _secret_key() default "";

    @AttributeDefinition(name = "Session token", type = AttributeType.PASSWORD, required = false,
            description = "For temporary credentials; never logged or shown in messages")
    String _session_token() default "";

    @AttributeDefinition(name = "Instance profile credentials", description = "Let the default chain ask the EC2"
            + " instance metadata service (169.254.169.254) last; off EC2 that only makes a failing request wait")
    boolean instance_credentials() default false;

    @AttributeDefinition(name = "Anonymous", description = "Send unsigned requests (public buckets); no credentials")
    boolean anonymous() default false;

    @AttributeDefinition(name = "Connect timeout (seconds)", min = "0.001")
    double connect_timeout() default 5;

    @AttributeDefinition(name = "Read timeout (seconds)", min = "0.001",
            description = "Longest one request may take, from sending it to the last byte")
    double read_timeout() default 30;

    @AttributeDefinition(name = "Attempts", min = "1", max = "10",
            description = "Tries per request: throttled requests, server errors and dropped connections are retried")
    int max_attempts() default 3;

    @AttributeDefinition(name = "Object size limit (bytes)", min = "1",
            description = "Largest document read; larger objects are refused before their content is fetched")
    long max_bytes() default S3Settings.DEFAULT_MAX_BYTES;

    @AttributeDefinition(name = "Listing limit", min = "1",
            description = "Most objects a listing of s3://BUCKET/PREFIX/ returns; more is an error")
    int max_listed() default S3Settings.DEFAULT_MAX_LISTED;
}
