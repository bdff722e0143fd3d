package dev.victor.workflow.s3.internal;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.function.Supplier;

/**
 * Builds the S3 client of a {@link S3Settings}: the JDK's URL connection HTTP client (no Netty, no
 * Apache client), the configured timeouts and attempts, and checksums only where S3 requires
 * them (stores other than AWS often do not know the newer ones).
 */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client create(S3Settings settings) {
        return withBundleLoader(() -> {
            S3ClientBuilder builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(settings.connectTimeout())
                            .socketTimeout(settings.readTimeout()))
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials(settings))
                    .forcePathStyle(settings.pathStyle())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> o
                            .apiCallAttemptTimeout(settings.readTimeout())
                            .apiCallTimeout(settings.readTimeout().multipliedBy(settings.maxAttempts()).plusSeconds(1))
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                    .maxAttempts(settings.maxAttempts()).build()));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            return builder.build();
        });
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.anonymous()) {
            return AnonymousCredentialsProvider.create();
        }
        if (settings.accessKey().isEmpty()) {
            return chain(settings.instanceCredentials());
        }
        return StaticCredentialsProvider.create(settings.sessionToken().isEmpty()
                ? AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())
                : AwsSessionCredentials.create(settings.accessKey(), settings.secretKey(), settings.sessionToken()));
    }

    /**
     * The default chain of the SDK, less the EC2 instance metadata service unless asked for: Java
     * system properties, environment variables, the profile files ({@code ~/.aws/credentials},
     * {@code ~/.aws/config}), the container credentials endpoint (only where ECS or EKS set its
     * variables) and, with {@code instance.credentials = true}, the instance profile, which asks
     * the link-local address 169.254.169.254 and makes a runtime off EC2 wait for it.
     */
    private static AwsCredentialsProvider chain(boolean instanceCredentials) {
        if (instanceCredentials) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                ProfileCredentialsProvider.create(), ContainerCredentialsProvider.create()).build();
    }

    /**
     * Runs with this bundle's class loader as the thread's context class loader: the SDK finds its
     * request interceptors and metadata as resources through it, and in a framework the caller's
     * context class loader (a shell's, the registry's) does not see the embedded SDK.
     */
    static <T> T withBundleLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(S3Clients.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
