package dev.victor.workflow.registry.file;

import dev.victor.workflow.kernel.source.DocumentProblems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a path from workflow text, for the schemes named after a format ({@code yaml://},
 * {@code yml://}, {@code json://}) and a bare path. The rule, in order (the README says the same):
 * <ol>
 *   <li>A prefix {@code S://} of a scheme {@code S} the format serves is removed and the rest goes
 *       through this rule; a {@code file://} (or {@code file:/}) prefix, or {@code F+file://} of
 *       the format {@code F}, makes the rest a path, always (percent-escapes are decoded when the
 *       whole is a valid {@code file:} URI).</li>
 *   <li>A source that contains a line break is <b>text</b>.</li>
 *   <li>A one-line source that names an existing regular file (relative paths resolved against the
 *       base directory, if one is set) is a <b>path</b>.</li>
 *   <li>A one-line source that looks like text of the format is <b>text</b>: for YAML, one that
 *       after a byte order mark and blanks starts with <code>{</code>, {@code [}, {@code #},
 *       {@code %}, {@code ---} or {@code "- "}, or that contains {@code ": "} (or ends with
 *       {@code :}); for every other format one that starts with <code>{</code> or {@code [}. An
 *       empty or blank source is (empty) text.</li>
 *   <li>Anything else is a <b>path</b>, even when the file does not exist (then the error is
 *       "not found", naming the path).</li>
 * </ol>
 */
final class PathOrText {
    private final String format;
    private final Set<String> schemes;

    PathOrText(String format, Set<String> schemes) {
        this.format = format.toLowerCase(Locale.ROOT);
        this.schemes = Set.copyOf(schemes);
    }

    /** What a source string is. */
    sealed interface Form {
    }

    /** A path, as written (or decoded from a {@code file:} URI), not yet resolved. */
    record PathForm(String path) implements Form {
    }

    /** Text handed in directly. */
    record TextForm(String text) implements Form {
    }

    /**
     * What a source string is, with the attributes of the file when telling it from text read them
     * (a fingerprint then needs no second {@code stat}).
     *
     * @param attributes the regular file's attributes, or {@code null} when they were not read
     */
    record Classified(Form form, BasicFileAttributes attributes) {
    }

    Form classify(String source, Path baseDirectory) {
        return classified(source, baseDirectory).form();
    }

    Classified classified(String source, Path baseDirectory) {
        if (source == null) {
            throw DocumentProblems.invalid("no source given: expected a file path or " + format + " text", null, 0, 0);
        }
        String rest = source;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith(format + "+file://")) {
            return new Classified(new PathForm(FileSource.fileUri(rest.substring((format + "+file://").length()))), null);
        }
        if (lower.startsWith("file://")) {
            return new Classified(new PathForm(FileSource.fileUri(rest.substring("file://".length()))), null);
        }
        if (lower.startsWith("file:/")) {
            return new Classified(new PathForm(FileSource.fileUri(rest.substring("file:".length()))), null);
        }
        for (String scheme : schemes) {
            if (lower.startsWith(scheme + "://")) {
                rest = rest.substring(scheme.length() + 3);
                break;
            }
        }
        if (rest.indexOf('\n') >= 0 || rest.indexOf('\r') >= 0) {
            return new Classified(new TextForm(rest), null);
        }
        String trimmed = stripLeading(rest);
        if (trimmed.isEmpty()) {
            return new Classified(new TextForm(rest), null);
        }
        BasicFileAttributes existing = existingFile(rest, baseDirectory);
        if (existing != null) {
            return new Classified(new PathForm(rest), existing);
        }
        if (looksLikeText(trimmed)) {
            return new Classified(new TextForm(rest), null);
        }
        return new Classified(new PathForm(rest), null);
    }

    /** The text test of rule 4, on a one-line source with leading blanks removed. */
    boolean looksLikeText(String trimmed) {
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return true;
        }
        return format.equals("yaml") && looksLikeYaml(trimmed);
    }

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

    /** The attributes of the regular file a candidate names (one {@code stat}), or {@code null}. */
    private static BasicFileAttributes existingFile(String candidate, Path baseDirectory) {
        try {
            Path path = Path.of(candidate);
            if (baseDirectory != null && !path.isAbsolute()) {
                path = baseDirectory.resolve(path);
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (InvalidPathException | IOException e) {
            return null;
        }
    }
}
