package dev.victor.workflow.yaml.internal;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

import java.io.StringReader;

/**
 * SnakeYAML's reader over a text that is already in memory, in time linear in its length.
 *
 * <p>SnakeYAML's own {@link StreamReader} reads 1,024 characters at a time and copies the part of
 * its window not yet consumed on every read; a token the scanner looks ahead through (a long word
 * of a scalar, a long comment or block-scalar line, a long run of blanks) is copied once per
 * 1,024 characters, so a 9 MiB quoted scalar took minutes. This reader decodes the whole text into
 * code points once and answers every call from that one array, with the same results (the same
 * positions, the same refusal of characters YAML does not allow, also before anything is parsed).
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'string'";
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private final int[] codePoints;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;
    private Mark lastMark;

    WholeTextReader(String text) {
        super(new StringReader(""));
        this.codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (!isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i], "special characters are not allowed");
            }
        }
    }

    /** The code points every mark of this reader refers to (one array for the whole text). */
    int[] codePoints() {
        return codePoints;
    }

    /**
     * Where the reader is. A mark is immutable, and the scanner asks several times at one place
     * (a token's start, a possible simple key), so the last one is handed out again while the
     * reader has not moved.
     */
    @Override
    public Mark getMark() {
        if (lastMark == null || lastMark.getIndex() != pointer) {
            lastMark = new Mark(NAME, pointer, line, column, codePoints, pointer);
        }
        return lastMark;
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (Constant.LINEBR.has(c)
                    || c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != BYTE_ORDER_MARK) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int index) {
        int at = pointer + index;
        return at >= 0 && at < codePoints.length ? codePoints[at] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        return new String(codePoints, pointer, Math.min(length, codePoints.length - pointer));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
