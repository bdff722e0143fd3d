package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.InvalidWorkflowException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells a path from YAML text. The rule, in order (the README says the same):
 * <ol>
 *   <li>A {@code yaml://} or {@code yml://} prefix is removed and the rest goes through this rule;
 *       a {@code file://} (or {@code file:/}) prefix makes the rest a path, always (percent-escapes
 *       are decoded when the whole is a valid {@code file:} URI).</li>
 *   <li>A source that contains a line break is <b>text</b>.</li>
 *   <li>A one-line source that names an existing regular file (relative paths resolved against the
 *       base directory, if one is set) is a <b>path</b>.</li>
 *   <li>A one-line source that, after a byte order mark and blanks, starts with {@code {}, {@code [},
 *       {@code #}, {@code %}, {@code ---} or {@code "- "}, or that contains {@code ": "} (or
 *       ends with {@code :}), is <b>text</b>. An empty or blank source is (empty) text.</li>
 *   <li>Anything else is a <b>path</b>, even when the file does not exist (then the error is
 *       "not found", naming the path).</li>
 * </ol>
 * So YAML text that starts with a comment is text (Victor took it for a path), and paths with
 * spaces, Windows paths ({@code C:\dir\w.yaml}) and relative paths are paths.
 */
final class SourceForms {
    private SourceForms() {
    }

    static YamlSource classify(String source, Path baseDirectory) {
        if (source == null) {
            throw Problems.invalid("no source given: expected a file path or YAML text", null, 0, 0);
        }
        String rest = source;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file://")) {
            return file(fileUri(rest.substring("file://".length())), baseDirectory);
        }
        if (lower.startsWith("file:/")) {
            return file(fileUri(rest.substring("file:".length())), baseDirectory);
        }
        if (lower.startsWith("yaml://")) {
            rest = rest.substring("yaml://".length());
        } else if (lower.startsWith("yml://")) {
            rest = rest.substring("yml://".length());
        }
        if (rest.indexOf('\n') >= 0 || rest.indexOf('\r') >= 0) {
            return new YamlSource.Text(rest);
        }
        String trimmed = stripLeading(rest);
        if (trimmed.isEmpty()) {
            return new YamlSource.Text(rest);
        }
        if (namesExistingFile(rest, baseDirectory)) {
            return file(rest, baseDirectory);
        }
        if (looksLikeYaml(trimmed)) {
            return new YamlSource.Text(rest);
        }
        return file(rest, baseDirectory);
    }

    /** The text test of rule 4, on a one-line source with leading blanks removed. */
    static boolean looksLikeYaml(String trimmed) {
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("#")
                || trimmed.startsWith("%") || trimmed.startsWith("---") || trimmed.equals("-")
                || trimmed.startsWith("- ") || trimmed.startsWith("-\t")) {
            return true;
        }
        String body = trimmed.strip();
        return body.contains(": ") || body.contains(":\t") || body.endsWith(":");
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '\uFEFF' || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return text.substring(i);
    }

    private static boolean namesExistingFile(String candidate, Path baseDirectory) {
        try {
            Path path = Path.of(candidate);
            if (baseDirectory != null && !path.isAbsolute()) {
                path = baseDirectory.resolve(path);
            }
            return Files.isRegularFile(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static YamlSource file(String text, Path baseDirectory) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw Problems.invalid("'" + text + "' is neither YAML text nor a valid path: " + e.getReason(),
                    null, 0, 0);
        }
        if (baseDirectory != null && !path.isAbsolute()) {
            path = baseDirectory.resolve(path);
        }
        return new YamlSource.File(path, path.toString());
    }

    /** The path of a {@code file:} URI given without its {@code file://} (or {@code file:}) prefix. */
    private static String fileUri(String rest) {
        try {
            URI parsed = new URI("file://" + rest);
            String authority = parsed.getAuthority();
            if (parsed.getPath() != null && !parsed.getPath().isEmpty()
                    && (authority == null || authority.equalsIgnoreCase("localhost"))) {
                String path = parsed.getPath();
                // file:///C:/dir/w.yaml on Windows
                if (path.length() > 2 && path.charAt(0) == '/' && path.charAt(2) == ':') {
                    path = path.substring(1);
                }
                return path;
            }
        } catch (URISyntaxException e) {
            // not a valid URI (a space, a backslash ...): the rest is the path as written
        }
        return rest;
    }

}
