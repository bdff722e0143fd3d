package dev.victor.workflow.expr.internal;

import java.util.List;

/** Strings as Python sees them: sequences of code points, with Python's notion of whitespace. */
public final class Text {
    private Text() {
    }

    /** Python's str.isspace for one char. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static boolean hasSurrogates(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Length in code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Compares by code point, as Python does, charging the characters it may compare. */
    static int compare(Ctx c, String a, String b) {
        if (a != b) {
            c.chargeScan(Math.min(a.length(), b.length()));
        }
        return compare(a, b);
    }

    /** Compares by code point, as Python does. */
    public static int compare(String a, String b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** The code point at a Python index (negative counts from the end), as a string. */
    public static String at(String s, long index) {
        if (!hasSurrogates(s)) {
            int n = s.length();
            long i = index < 0 ? index + n : index;
            if (i < 0 || i >= n) {
                throw PyException.index("string index out of range");
            }
            return String.valueOf(s.charAt((int) i));
        }
        int n = length(s);
        long i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw PyException.index("string index out of range");
        }
        int off = s.offsetByCodePoints(0, (int) i);
        return new String(Character.toChars(s.codePointAt(off)));
    }

    /** A Python slice of a string, with bounds already adjusted by {@link Slices}. */
    static String slice(String s, int start, int step, int count) {
        if (count <= 0) {
            return "";
        }
        if (!hasSurrogates(s)) {
            if (step == 1) {
                return s.substring(start, start + count);
            }
            StringBuilder b = new StringBuilder(count);
            for (int k = 0, i = start; k < count; k++, i += step) {
                b.append(s.charAt(i));
            }
            return b.toString();
        }
        int[] cps = s.codePoints().toArray();
        StringBuilder b = new StringBuilder(count);
        for (int k = 0, i = start; k < count; k++, i += step) {
            b.appendCodePoint(cps[i]);
        }
        return b.toString();
    }

    /** The code points of a string, each as a one-character string. */
    static void addCodePoints(String s, List<Object> out) {
        for (int i = 0, n = s.length(); i < n;) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            out.add(s.substring(i, i + len));
            i += len;
        }
    }

    /** Python's index in code points of a UTF-16 index. */
    static int codePointIndex(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    /** Non-overlapping occurrences of sub; an empty sub occurs length + 1 times. */
    static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return length(s) + 1L;
        }
        Finder finder = new Finder(sub);
        long n = 0;
        int i = finder.next(s, 0);
        while (i >= 0) {
            n++;
            i = finder.next(s, i + sub.length());
        }
        return n;
    }
}
