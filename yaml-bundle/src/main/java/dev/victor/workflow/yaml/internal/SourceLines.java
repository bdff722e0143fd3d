package dev.victor.workflow.yaml.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A document split into lines the way SnakeYAML counts them ({@code \n}, {@code \r\n}, a lone
 * {@code \r}, NEL, LS and PS each end a line), so that a parser mark (0-based line, 0-based column
 * in code points) can be turned into text and back.
 */
final class SourceLines {
    private final List<String> lines;

    SourceLines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                result.add(text.substring(start, i));
                start = i + 1;
            } else if (c == '\r') {
                result.add(text.substring(start, i));
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        result.add(text.substring(start));
        this.lines = result;
    }

    int count() {
        return lines.size();
    }

    /** The 0-based line, or {@code ""} past the end. */
    String line(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : "";
    }

    /** The code point at a 0-based line and code-point column, or -1 past the end of the line. */
    int codePointAt(int line, int column) {
        String text = line(line);
        int offset = charOffset(text, column);
        return offset < 0 || offset >= text.length() ? -1 : text.codePointAt(offset);
    }

    /** The char offset of a code-point column in a line, or -1 when the line is shorter. */
    static int charOffset(String text, int column) {
        if (column < 0 || text.codePointCount(0, text.length()) < column) {
            return -1;
        }
        return text.offsetByCodePoints(0, column);
    }

    /** The number of leading spaces of a line (YAML indents with spaces only). */
    static int indentation(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    static boolean isBlank(String text) {
        return text.isBlank();
    }
}
