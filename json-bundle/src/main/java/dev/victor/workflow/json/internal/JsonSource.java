package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.InvalidWorkflowException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a source string is: a file or JSON text. The rule, in order (the README says the same):
 * <ol>
 *   <li>A {@code json://} prefix is removed and the rest goes through this rule; a
 *       {@code json+file://} or {@code file://} prefix makes the rest a path, always.</li>
 *   <li>A source containing a line break is <b>text</b>.</li>
 *   <li>A one-line source naming an existing regular file (relative to the base directory, if set)
 *       is a <b>path</b>.</li>
 *   <li>A one-line source starting (after a byte order mark and blanks) with {@code {} or
 *       {@code [}, or blank, is <b>text</b>.</li>
 *   <li>Anything else is a <b>path</b> (a missing one is "not found", naming it).</li>
 * </ol>
 */
sealed interface JsonSource {

    String displayName();

    record File(Path path, String displayName) implements JsonSource {
    }

    record Text(String text) implements JsonSource {
        @Override
        public String displayName() {
            return null;
        }
    }

    static JsonSource classify(String source, Path baseDirectory) {
        if (source == null) {
            throw Problems.invalid("no source given: expected a file path or JSON text", null, 0, 0);
        }
        String rest = source;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("json+file://")) {
            return file(fileUri(rest.substring("json+file://".length())), baseDirectory);
        }
        if (lower.startsWith("file://")) {
            return file(fileUri(rest.substring("file://".length())), baseDirectory);
        }
        if (lower.startsWith("file:/")) {
            return file(fileUri(rest.substring("file:".length())), baseDirectory);
        }
        if (lower.startsWith("json://")) {
            rest = rest.substring("json://".length());
        }
        if (rest.indexOf('\n') >= 0 || rest.indexOf('\r') >= 0) {
            return new Text(rest);
        }
        String trimmed = rest.replace("\uFEFF", "").strip();
        if (trimmed.isEmpty()) {
            return new Text(rest);
        }
        if (namesExistingFile(rest, baseDirectory)) {
            return file(rest, baseDirectory);
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return new Text(rest);
        }
        return file(rest, baseDirectory);
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

    private static JsonSource file(String text, Path baseDirectory) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw Problems.invalid("'" + text + "' is neither JSON text nor a valid path: " + e.getReason(),
                    null, 0, 0);
        }
        if (baseDirectory != null && !path.isAbsolute()) {
            path = baseDirectory.resolve(path);
        }
        return new File(path, path.toString());
    }

    private static String fileUri(String rest) {
        try {
            URI parsed = new URI("file://" + rest);
            String authority = parsed.getAuthority();
            if (parsed.getPath() != null && !parsed.getPath().isEmpty()
                    && (authority == null || authority.equalsIgnoreCase("localhost"))) {
                String path = parsed.getPath();
                if (path.length() > 2 && path.charAt(0) == '/' && path.charAt(2) == ':') {
                    path = path.substring(1);
                }
                return path;
            }
        } catch (URISyntaxException e) {
            // not a valid URI: the rest is the path as written
        }
        return rest;
    }

}
