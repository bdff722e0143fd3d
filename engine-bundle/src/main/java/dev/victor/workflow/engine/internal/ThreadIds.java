package dev.victor.workflow.engine.internal;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for runs that are not given a thread id. A thread id is the key that
 * resumes a run (and is shown by the REST API and the page), so it must not be guessable from
 * other ids: the bytes come from a cryptographically strong generator, AES-128 in counter mode
 * (the construction of NIST's CTR_DRBG) keyed, per thread, with a key and a starting counter
 * from {@link SecureRandom}. The key stream is drawn in blocks of {@value #BLOCK} bytes, which
 * the JDK encrypts with the processor's AES instructions, so that one id costs a few nanoseconds
 * instead of a hash-based DRBG's refill or a {@code /dev/urandom} read and a lock each. Bytes
 * are cleared as soon as they are used.
 */
final class ThreadIds {
    private static final int BLOCK = 256 * 16;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private ThreadIds() {
    }

    /** One thread's key stream: its cipher, the zeros it encrypts, and the bytes not yet used. */
    private static final class Buffer {
        final Cipher cipher = newCipher();
        final byte[] zeros = new byte[BLOCK];
        final byte[] bytes = new byte[BLOCK];
        int position = BLOCK;

        void refill() {
            try {
                if (cipher.update(zeros, 0, BLOCK, bytes, 0) != BLOCK) {
                    throw new IllegalStateException("the AES key stream came short");
                }
            } catch (ShortBufferException impossible) {
                throw new IllegalStateException(impossible);
            }
            position = 0;
        }
    }

    private static Cipher newCipher() {
        SecureRandom seed = new SecureRandom();
        byte[] key = new byte[16];
        byte[] counter = new byte[16];
        seed.nextBytes(key);
        seed.nextBytes(counter);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            return cipher;
        } catch (GeneralSecurityException unavailable) {
            // every Java SE runtime has AES/CTR/NoPadding
            throw new IllegalStateException("AES in counter mode is not available", unavailable);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    static String next() {
        Buffer buffer = BUFFERS.get();
        if (buffer.position == BLOCK) {
            buffer.refill();
        }
        byte[] bytes = buffer.bytes;
        int start = buffer.position;
        buffer.position += 16;
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[start + i] & 0xff);
            least = (least << 8) | (bytes[start + 8 + i] & 0xff);
        }
        java.util.Arrays.fill(bytes, start, start + 16, (byte) 0);
        // version 4 (random) and the IETF variant, as UUID.randomUUID() sets them
        most = (most & ~0xf000L) | 0x4000L;
        least = (least & 0x3fffffffffffffffL) | 0x8000000000000000L;
        // the JDK writes a UUID's text straight into the string's own bytes
        return new UUID(most, least).toString();
    }
}
