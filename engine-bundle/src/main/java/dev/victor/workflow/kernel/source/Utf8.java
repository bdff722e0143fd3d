package dev.victor.workflow.kernel.source;

import dev.victor.workflow.api.InvalidWorkflowException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a document's bytes as strict UTF-8: a malformed sequence is an error that says where it
 * is (line, column and byte offset), never a silent replacement character. A UTF-8 byte order
 * mark is dropped; a UTF-16 or UTF-32 one is refused with a message saying so.
 */
public final class Utf8 {
    private Utf8() {
    }

    public static String decode(byte[] bytes, String source) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            throw DocumentProblems.invalid("the document starts with a UTF-16 (or UTF-32) byte order mark; "
                    + "workflow files must be UTF-8", source, 1, 1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            throw invalidAt(bytes, start, source, e);
        }
    }

    private static InvalidWorkflowException invalidAt(byte[] bytes, int start, String source,
                                                     CharacterCodingException cause) {
        int bad = firstMalformed(bytes, start);
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The column counts characters: every byte that does not continue a UTF-8 sequence.
        int column = 1;
        for (int i = lineStart; i < bad; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        String message = String.format("the document is not valid UTF-8: malformed byte 0x%02X at byte offset %d",
                bytes[bad] & 0xFF, bad);
        return DocumentProblems.invalid(message, source, line, column, cause);
    }

    /** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
    public static int firstMalformed(byte[] bytes, int start) {
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length;
            int min;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + length > bytes.length) {
                return i;
            }
            int codePoint = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (c & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return Math.max(start, bytes.length - 1);
    }
}
