package dev.victor.workflow.kernel.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one hash of fingerprints and cache keys: of bytes or text at
 * once ({@link #hex(byte[])}, {@link #hex(String)}), or built from parts ({@link #digest()}).
 * Not thread-safe while parts are added; the static methods are.
 */
public final class Sha256 {
    private final MessageDigest digest;

    private Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The hash of the bytes. */
    public static String hex(byte[] bytes) {
        return digest().bytes(bytes).hex();
    }

    /** The hash of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An empty digest to add parts to. */
    public static Sha256 digest() {
        return new Sha256();
    }

    /** Adds the bytes as they are. */
    public Sha256 bytes(byte[] bytes) {
        digest.update(bytes);
        return this;
    }

    /**
     * Adds the text's UTF-8 bytes after their length and a colon, so that no two lists of parts
     * ({@code "ab", "c"} and {@code "a", "bc"}) add the same bytes.
     */
    public Sha256 part(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** The hash of everything added; the digest is then empty again. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
