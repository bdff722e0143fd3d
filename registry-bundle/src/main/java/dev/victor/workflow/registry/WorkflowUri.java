package dev.victor.workflow.registry;

import dev.victor.workflow.api.WorkflowCompilers;

import java.util.Locale;
import java.util.Objects;

/**
 * A workflow URI split into its scheme and the source its plugin receives.
 *
 * <ul>
 *   <li>{@code scheme://rest}: the scheme (lower-cased) and {@code rest} as the source. Leading
 *       white space before the scheme is ignored. The scheme must be
 *       {@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}, else
 *       {@link InvalidWorkflowUriException} names it.</li>
 *   <li>No {@code ://}, or text before it that cannot be meant as a scheme (it holds white space,
 *       a line break, {@code /}, {@code \}, {@code :}, quotes or brackets, as in YAML text that
 *       contains a URL): no scheme, and the whole string is the source. A Windows path
 *       ({@code C:\x.yaml}, {@code C:/x.yaml}) has no {@code ://}, so it is a path.</li>
 * </ul>
 *
 * @param text   the URI as given
 * @param scheme the lower-cased scheme, or {@code null} when the string has none
 * @param source what the plugin receives: the part after {@code ://}, or the whole string
 */
public record WorkflowUri(String text, String scheme, String source) {

    public WorkflowUri {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Splits a URI.
     *
     * @throws InvalidWorkflowUriException when the text before {@code ://} is meant as a scheme but is not a valid one
     */
    public static WorkflowUri parse(String text) {
        Objects.requireNonNull(text, "uri");
        int marker = text.indexOf("://");
        if (marker < 0) {
            return new WorkflowUri(text, null, text);
        }
        String prefix = stripLeading(text.substring(0, marker));
        if (!looksLikeScheme(prefix)) {
            return new WorkflowUri(text, null, text);
        }
        if (prefix.isEmpty()) {
            throw new InvalidWorkflowUriException(text, "", "The workflow URI '" + text
                    + "' has nothing before '://': write scheme://source, for example yaml://flows/review.yaml");
        }
        if (!WorkflowCompilers.isValidScheme(prefix)) {
            throw new InvalidWorkflowUriException(text, prefix, "Invalid scheme '" + prefix + "' in the workflow URI '"
                    + text + "': a scheme starts with a letter, followed by letters, digits, '+', '-' or '.'"
                    + (prefix.indexOf('_') >= 0 ? " (no '_')" : ""));
        }
        return new WorkflowUri(text, prefix.toLowerCase(Locale.ROOT), text.substring(marker + 3));
    }

    /** True when the URI named its scheme. */
    public boolean hasScheme() {
        return scheme != null;
    }

    /**
     * The lower-cased extension of the source's last path segment, without the dot; {@code ""} when
     * there is none or the source is text of several lines.
     */
    public String extension() {
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
            return "";
        }
        String path = source;
        int query = indexOfAny(path, '?', '#');
        if (hasScheme() && query >= 0) {
            path = path.substring(0, query);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(slash + 1).strip();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** Text that could only have been meant as a scheme: no white space, separators or quotes. */
    private static boolean looksLikeScheme(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (Character.isWhitespace(c) || c == '/' || c == '\\' || c == ':' || c == '"' || c == '\''
                    || c == '{' || c == '[' || c == '#') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeading(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    @Override
    public String toString() {
        return text;
    }
}
