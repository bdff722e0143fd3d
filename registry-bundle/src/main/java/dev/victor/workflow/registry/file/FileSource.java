package dev.victor.workflow.registry.file;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.kernel.source.DocumentProblems;
import dev.victor.workflow.kernel.source.SourceFiles;
import dev.victor.workflow.source.ReferenceResolver;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Workflow files on the local file system: the registry's built-in source of the {@code file}
 * scheme. The location is a path ({@code file:///tmp/a%20b.yaml} is decoded when it is a valid
 * {@code file:} URI, else taken as written), resolved against the base directory when one is set
 * and kept inside it. Only regular files are read (a named pipe, a device or a socket is refused
 * at once), within the size limit.
 *
 * <p>Files are <b>trusted</b>: they may read {@code $env.NAME} values (as the env policy allows)
 * and {@code $ref} other files, relative to their own directory and inside the allowed root (the
 * base directory, else the referencing file's directory). The fingerprint is the file's attributes
 * (size, last-modified time, file key): one {@code stat}, no read.
 */
public final class FileSource implements WorkflowSource {
    private final FileSourceOptions options;

    public FileSource(FileSourceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public FileSourceOptions options() {
        return options;
    }

    @Override
    public SourceDocument read(String location) {
        return readFile(pathOf(fileUri(location)));
    }

    @Override
    public String fingerprint(String location) {
        Path path = pathOf(fileUri(location));
        SourceFiles.confine(path, options.baseDirectory(), path.toString());
        return attributes(path, path.toString());
    }

    /**
     * True when the location is a readable regular file inside the base directory, within the size
     * limit (attributes only, nothing is read). Never throws.
     */
    @Override
    public boolean accepts(String location) {
        try {
            Path path = pathOf(fileUri(location));
            SourceFiles.confine(path, options.baseDirectory(), path.toString());
            return Files.isRegularFile(path) && Files.isReadable(path) && Files.size(path) <= options.maxDocumentBytes();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A source for the schemes named after a format ({@code yaml://}, {@code json://}): the rest of
     * the URI is a path or text, as {@link PathOrText} decides.
     *
     * @param format  the format's name ({@code yaml}, {@code json}), which picks the text test
     * @param schemes the schemes it serves (a prefix {@code scheme://} inside the rest is removed too)
     */
    public WorkflowSource pathOrText(String format, java.util.Set<String> schemes) {
        return new PathOrTextSource(this, new PathOrText(format, schemes));
    }

    /** The file at a path (already resolved against the base directory), read once. */
    SourceDocument readFile(Path path) {
        String shown = path.toString();
        SourceFiles.confine(path, options.baseDirectory(), shown);
        String fingerprint = attributes(path, shown);
        byte[] bytes = SourceFiles.read(path, shown, options.maxDocumentBytes());
        return new SourceDocument(shown, bytes, null, fingerprint, true,
                new FileReferences(path, options.baseDirectory(), shown, this));
    }

    /**
     * Text handed in instead of a path: not trusted (it may come from anywhere, so {@code $env} is
     * read only when the env policy is {@code true}), with no name (problems carry none), and
     * {@code $ref} resolved against the base directory (without one, a {@code $ref} is refused).
     */
    SourceDocument text(String text) {
        return new SourceDocument("", text.getBytes(StandardCharsets.UTF_8), null, "text", false,
                new FileReferences(null, options.baseDirectory(), null, this));
    }

    /** Reads a referenced file (already checked to be inside the allowed root). */
    SourceDocument readReferenced(Path real, String shown) {
        String fingerprint = attributes(real, shown);
        byte[] bytes = SourceFiles.read(real, shown, options.maxDocumentBytes());
        return new SourceDocument(shown, bytes, null, fingerprint, true, ReferenceResolver.NONE);
    }

    /** A path as given, resolved against the base directory when it is relative. */
    Path pathOf(String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw DocumentProblems.invalid("'" + text + "' is neither workflow text nor a valid path: "
                    + e.getReason(), null, 0, 0);
        }
        if (options.baseDirectory() != null && !path.isAbsolute()) {
            path = options.baseDirectory().resolve(path);
        }
        return path;
    }

    /** Size, last-modified time and file key of a regular file: one {@code stat}. */
    static String attributes(Path path, String shown) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new WorkflowSourceNotFoundException(shown, "workflow file not found: " + shown
                    + (path.isAbsolute() ? "" : " (resolved to " + path.toAbsolutePath().normalize() + ")"), e);
        } catch (IOException e) {
            throw new WorkflowSourceUnavailableException(shown, "cannot read " + shown + ": " + e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            throw new WorkflowSourceNotFoundException(shown, "not a workflow file but a directory: " + shown);
        }
        if (!attributes.isRegularFile()) {
            throw SourceFiles.notRegular(shown);
        }
        return fingerprint(attributes);
    }

    /** The fingerprint of a regular file's attributes: size, last-modified time and file key. */
    static String fingerprint(BasicFileAttributes attributes) {
        return "file:" + attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                + ":" + attributes.fileKey();
    }

    /** The path of a {@code file:} URI given without its {@code file://} (or {@code file:}) prefix. */
    static String fileUri(String rest) {
        if (rest == null) {
            throw new WorkflowException("no file given");
        }
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

    @Override
    public String toString() {
        return "files" + (options.baseDirectory() == null ? "" : " in " + options.baseDirectory());
    }
}
