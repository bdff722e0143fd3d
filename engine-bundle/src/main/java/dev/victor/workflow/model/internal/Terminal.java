package dev.victor.workflow.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recognises node ids and names that say the node ends the workflow ("complete", "abort", ...). */
public final class Terminal {
    /** Whole words that mark a terminal node. */
    public static final Set<String> WORDS = Set.of(
            "complete", "completed", "done", "abort", "aborted", "finish", "finished", "end", "ended",
            "fail", "failed", "exit", "stop", "stopped", "terminate", "terminated", "cancel", "cancelled",
            "canceled", "halt", "halted", "quit");

    private Terminal() {
    }

    /** The words of an id or name: split on anything but letters and digits, and on camelCase. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0) {
                char before = text.charAt(i - 1);
                boolean nextIsLower = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before)
                        || (Character.isUpperCase(before) && nextIsLower)) {
                    flush(word, words);
                }
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** The first terminal word in any of the texts, or {@code null}. */
    public static String terminalWord(String... texts) {
        for (String text : texts) {
            for (String word : words(text)) {
                if (WORDS.contains(word)) {
                    return word;
                }
            }
        }
        return null;
    }
}
