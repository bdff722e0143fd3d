package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the SDK's exceptions into the workflow error family, each kind with a message of its own
 * that names the bucket, the key, the region and the endpoint (never a secret): not found, access
 * denied, credentials refused, wrong region, throttled, timed out, unreachable, server error.
 */
final class S3Failures {

    private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "InvalidSecurity");
    private static final Set<String> THROTTLING_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "ServiceUnavailable");

    private final S3Settings settings;

    S3Failures(S3Settings settings) {
        this.settings = settings;
    }

    /** Where, for messages: region and endpoint. */
    String where() {
        return "region " + settings.region() + ", endpoint " + settings.endpointDescription();
    }

    WorkflowSourceNotFoundException noObject(S3Location location, Throwable cause) {
        return new WorkflowSourceNotFoundException(location.uri(), "No object '" + location.key() + "' in bucket '"
                + location.bucket() + "' (" + where() + ")", cause);
    }

    WorkflowSourceNotFoundException noBucket(S3Location location, Throwable cause) {
        return new WorkflowSourceNotFoundException(location.uri(), "No bucket '" + location.bucket() + "' (" + where()
                + ") for key '" + location.key() + "'", cause);
    }

    /**
     * The exception for a failed request.
     *
     * @param action what was being done, for the message ("read", "check", "list")
     */
    WorkflowException of(String action, S3Location location, SdkException e) {
        String uri = location.uri();
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = code(service);
            if ("NoSuchBucket".equals(code)) {
                return noBucket(location, e);
            }
            if ("NoSuchKey".equals(code) || (status == 404 && code.isEmpty())) {
                return noObject(location, e);
            }
            if (CREDENTIAL_CODES.contains(code)) {
                return new WorkflowException("The S3 store refused the credentials (" + settings.credentialsDescription()
                        + ", " + code + ") when asked to " + action + " " + uri + " (" + where() + ")", e);
            }
            Optional<String> bucketRegion = service.awsErrorDetails() == null ? Optional.empty()
                    : service.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
            if (bucketRegion.isPresent() && !bucketRegion.get().equals(settings.region())) {
                return new WorkflowException("Bucket '" + location.bucket() + "' is in region " + bucketRegion.get()
                        + ", not " + settings.region() + ": set 'region' of the s3 source (" + uri + ")", e);
            }
            if (status == 403) {
                return new WorkflowException("Access denied to " + uri + " when asked to " + action + " it ("
                        + where() + ", " + settings.credentialsDescription()
                        + "): the credentials may not read this bucket or key", e);
            }
            // 503 is S3's "slow down" (a HEAD answer has no body to say so)
            if (service.isThrottlingException() || status == 429 || status == 503 || THROTTLING_CODES.contains(code)) {
                return new WorkflowSourceUnavailableException(uri, "The S3 store throttled the requests to " + action
                        + " " + uri + " (" + (code.isEmpty() ? "status " + status : code) + ", " + settings.maxAttempts()
                        + " attempts; " + where() + "): try again later", e);
            }
            if (status >= 500) {
                return new WorkflowSourceUnavailableException(uri, "The S3 store failed to " + action + " " + uri
                        + " (status " + status + (code.isEmpty() ? "" : ", " + code) + ", " + settings.maxAttempts()
                        + " attempts; " + where() + ")", e);
            }
            return new WorkflowException("The S3 store refused to " + action + " " + uri + " (status " + status
                    + (code.isEmpty() ? "" : ", " + code) + "; " + where() + "): " + service.getMessage(), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || causedBy(e, SocketTimeoutException.class) || causedBy(e, HttpTimeoutException.class)) {
            return new WorkflowSourceUnavailableException(uri, "Timed out trying to " + action + " " + uri
                    + " (read timeout " + seconds(settings.readTimeout().toMillis()) + ", connect timeout "
                    + seconds(settings.connectTimeout().toMillis()) + ", " + settings.maxAttempts() + " attempts; "
                    + where() + ")", e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, NoRouteToHostException.class)) {
            return new WorkflowSourceUnavailableException(uri, "Cannot reach the S3 store to " + action + " " + uri
                    + " (" + where() + "): " + rootMessage(e), e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            return new WorkflowException("No S3 credentials to " + action + " " + uri + ": set 'access.key' and"
                    + " '.secret.key' of the s3 source, or provide them to the default chain (AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, ~/.aws/credentials, ...), or set 'anonymous' for a public bucket", e);
        }
        return new WorkflowSourceUnavailableException(uri, "Cannot " + action + " " + uri + " (" + where() + "): "
                + rootMessage(e), e);
    }

    private static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
