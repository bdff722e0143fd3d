package dev.victor.workflow.engine.internal;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for runs that are not given a thread id. A thread id is the key that
 * resumes a run, so it comes from a {@link SecureRandom}, as {@link UUID#randomUUID()} does. Each
 * thread has its own NIST DRBG instance (seeded by the JDK from the system's entropy) and draws
 * its random bytes in blocks, so that one id costs tens of nanoseconds instead of a
 * {@code /dev/urandom} read and a lock each.
 */
final class ThreadIds {
    private static final int BLOCK = 64 * 16;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ThreadIds() {
    }

    private static final class Buffer {
        final SecureRandom random = newRandom();
        final byte[] bytes = new byte[BLOCK];
        int position = BLOCK;
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG",
                    DrbgParameters.instantiation(128, DrbgParameters.Capability.NONE, null));
        } catch (NoSuchAlgorithmException unavailable) {
            return new SecureRandom();
        }
    }

    static String next() {
        Buffer buffer = BUFFERS.get();
        if (buffer.position == BLOCK) {
            buffer.random.nextBytes(buffer.bytes);
            buffer.position = 0;
        }
        byte[] bytes = buffer.bytes;
        int start = buffer.position;
        buffer.position += 16;
        char[] text = new char[36];
        int out = 0;
        for (int i = 0; i < 16; i++) {
            int value = bytes[start + i] & 0xff;
            bytes[start + i] = 0;
            if (i == 6) {
                value = (value & 0x0f) | 0x40;
            } else if (i == 8) {
                value = (value & 0x3f) | 0x80;
            }
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                text[out++] = '-';
            }
            text[out++] = HEX[value >>> 4];
            text[out++] = HEX[value & 0x0f];
        }
        return new String(text);
    }
}
