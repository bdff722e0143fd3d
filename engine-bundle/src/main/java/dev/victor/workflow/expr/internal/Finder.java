package dev.victor.workflow.expr.internal;

/**
 * Finds a substring in time linear in the text: short needles with {@link String#indexOf}
 * (at most {@link #SHORT} comparisons per character), longer ones with Knuth-Morris-Pratt, so
 * that no search costs the product of the two lengths ({@code 'a' * 100000 + 'b' in 'a' * 1000000}).
 * Callers charge the text's length; one finder serves all the searches of one operation.
 */
final class Finder {
    /** Needles up to this length are searched with String.indexOf. */
    static final int SHORT = 4;

    private final String needle;
    private int[] failure;

    Finder(String needle) {
        this.needle = needle;
    }

    /** The first index at or after from where the needle starts, or -1. */
    int next(String text, int from) {
        int m = needle.length();
        if (m <= SHORT) {
            return text.indexOf(needle, from);
        }
        if (text.length() - Math.max(from, 0) < m) {
            return -1;
        }
        int[] table = table();
        int k = 0;
        for (int i = Math.max(from, 0), n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            while (k > 0 && needle.charAt(k) != ch) {
                k = table[k - 1];
            }
            if (needle.charAt(k) == ch) {
                k++;
                if (k == m) {
                    return i - m + 1;
                }
            }
        }
        return -1;
    }

    private int[] table() {
        if (failure == null) {
            int m = needle.length();
            int[] t = new int[m];
            int k = 0;
            for (int i = 1; i < m; i++) {
                while (k > 0 && needle.charAt(k) != needle.charAt(i)) {
                    k = t[k - 1];
                }
                if (needle.charAt(k) == needle.charAt(i)) {
                    k++;
                }
                t[i] = k;
            }
            failure = t;
        }
        return failure;
    }
}
