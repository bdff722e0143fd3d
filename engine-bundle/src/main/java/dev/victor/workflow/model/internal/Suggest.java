package dev.victor.workflow.model.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The candidate closest to {@code wrong}, when it is close enough to be a likely typo: a
     * difference of case only, or at most a third of the length (at least 1, at least 2 from 5
     * characters on). Ties go to the first candidate. Failing that, the one candidate whose
     * {@code _}-separated words include all of those of {@code wrong} ({@code max_timeout_seconds}
     * → {@code max_execution_timeout_seconds}).
     */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        if (wrong == null || wrong.isEmpty()) {
            return Optional.empty();
        }
        String lower = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate == null || candidate.equals(wrong)) {
                continue;
            }
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(wrong.length() >= 5 ? 2 : 1, Math.min(wrong.length(), best.length()) / 3);
        if (bestDistance <= allowed) {
            return Optional.of(best);
        }
        return byWords(lower, candidates);
    }

    /** A candidate whose words ({@code _}-separated) include every word of {@code wrong}, when only one does. */
    private static Optional<String> byWords(String wrong, Collection<String> candidates) {
        List<String> words = List.of(wrong.split("_"));
        if (words.size() < 2) {
            return Optional.empty();
        }
        String found = null;
        for (String candidate : candidates) {
            if (candidate != null && List.of(candidate.toLowerCase(Locale.ROOT).split("_")).containsAll(words)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code " (did you mean 'x'?)"} or {@code ""}. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }
}
