package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What an {@code s3://} URI names: a bucket and a key, taken literally (no percent decoding, no
 * query: S3 keys may hold {@code %}, {@code ?} and {@code #}). A key that is empty or ends with
 * {@code /} is a prefix, for listing.
 *
 * @param bucket the bucket's name
 * @param key    the object's key, or a prefix ({@code ""} for the whole bucket)
 */
public record S3Location(String bucket, String key) {

    /** Longest key S3 takes, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;
    /**
     * Bucket names as S3 takes them: 3 to 63 letters, digits, dots, hyphens (and the underscores and
     * capitals of older buckets and other stores), starting and ending with a letter or digit.
     */
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]");

    /**
     * Parses {@code bucket/key}, {@code bucket/prefix/}, {@code bucket/} or {@code bucket}.
     *
     * @throws WorkflowException naming what is wrong with the location
     */
    public static S3Location parse(String location) {
        if (location == null || location.isEmpty()) {
            throw new WorkflowException("An s3 location needs a bucket: s3://BUCKET/KEY");
        }
        int slash = location.indexOf('/');
        String bucket = slash < 0 ? location : location.substring(0, slash);
        String key = slash < 0 ? "" : location.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new WorkflowException("'" + printable(bucket) + "' is not an S3 bucket name (3 to 63 letters, digits,"
                    + " dots, hyphens or underscores, starting and ending with a letter or digit) in s3://"
                    + printable(location));
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new WorkflowException("The key of s3://" + bucket + "/... is longer than S3's limit of "
                    + MAX_KEY_BYTES + " bytes");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw new WorkflowException("The key of s3://" + printable(location)
                        + " holds a control character (at index " + i + ")");
            }
        }
        return new S3Location(bucket, key);
    }

    /** Whether the location names a prefix (to list) rather than an object (to read). */
    public boolean isPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** The location as an {@code s3://} URI says it. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
