package dev.victor.workflow.yaml.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A document split into lines the way SnakeYAML counts them ({@code \n}, {@code \r\n}, a lone
 * {@code \r}, NEL, LS and PS each end a line), so that a parser mark (0-based line, 0-based column
 * in code points) can be turned into text and back.
 *
 * <p>Turning a column into a char offset costs O(1) on a line without surrogate pairs (the column is
 * the offset) and O(log n) on other lines (the offsets of their code points are indexed once), so
 * that finding the position of every value of a long line takes time linear in the line's length.
 */
final class SourceLines {
    private final List<String> lines;
    /** For each line that holds a surrogate pair: the char offset of each of its code points. */
    private final Map<Integer, int[]> codePointOffsets = new HashMap<>();

    SourceLines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        int length = text.length();
        boolean surrogates = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                add(result, text.substring(start, i), surrogates);
                surrogates = false;
                start = i + 1;
            } else if (c == '\r') {
                add(result, text.substring(start, i), surrogates);
                surrogates = false;
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            } else if (Character.isSurrogate(c)) {
                surrogates = true;
            }
        }
        add(result, text.substring(start), surrogates);
        this.lines = result;
    }

    private void add(List<String> result, String line, boolean surrogates) {
        if (surrogates) {
            int[] offsets = new int[line.codePointCount(0, line.length()) + 1];
            int offset = 0;
            for (int column = 0; column < offsets.length - 1; column++) {
                offsets[column] = offset;
                offset += Character.charCount(line.codePointAt(offset));
            }
            offsets[offsets.length - 1] = line.length();
            codePointOffsets.put(result.size(), offsets);
        }
        result.add(line);
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
        int offset = charOffset(line, column);
        return offset < 0 || offset >= text.length() ? -1 : text.codePointAt(offset);
    }

    /** The char offset of a code-point column in a 0-based line, or -1 when the line is shorter. */
    int charOffset(int line, int column) {
        String text = line(line);
        int[] offsets = codePointOffsets.get(line);
        if (offsets == null) {
            return column < 0 || column > text.length() ? -1 : column;
        }
        return column < 0 || column >= offsets.length ? -1 : offsets[column];
    }

    /** The code-point column of a char offset in a 0-based line. */
    int column(int line, int charOffset) {
        int[] offsets = codePointOffsets.get(line);
        if (offsets == null) {
            return charOffset;
        }
        int found = Arrays.binarySearch(offsets, charOffset);
        return found >= 0 ? found : -found - 1;
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
