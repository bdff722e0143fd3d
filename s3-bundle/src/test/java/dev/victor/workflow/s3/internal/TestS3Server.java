package dev.victor.workflow.s3.internal;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A real S3 server for the tests: S3Proxy with its in-memory store, on a free loopback port, with
 * AWS signature checking, and a plain SDK client to put objects into it.
 */
final class TestS3Server implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key-do-not-log";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client admin;

    TestS3Server() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        admin = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(REGION))
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    URI endpoint() {
        return endpoint;
    }

    /** Settings for the source under test, pointing here with the right credentials. */
    S3Settings settings() {
        return S3Settings.forEndpoint(endpoint, REGION, ACCESS_KEY, SECRET_KEY);
    }

    void bucket(String name) {
        admin.createBucket(b -> b.bucket(name));
    }

    void versioned(String name) {
        admin.putBucketVersioning(b -> b.bucket(name)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    void put(String bucket, String key, String content, String contentType) {
        admin.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    void put(String bucket, String key, byte[] content) {
        admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    void delete(String bucket, String key) {
        admin.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void close() throws Exception {
        admin.close();
        proxy.stop();
    }
}
