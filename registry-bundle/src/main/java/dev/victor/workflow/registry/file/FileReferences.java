package dev.victor.workflow.registry.file;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.source.ReferenceResolver;
import dev.victor.workflow.source.SourceDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves a {@code $ref} of a local document: relative to the referencing file's directory (for
 * text: to the base directory; without one, text cannot use {@code $ref}). The target must stay
 * inside the allowed root: the base directory when one is configured, else the referencing file's
 * directory. Containment is checked with {@link Path#startsWith} on normalised paths and again on
 * real paths, so neither {@code ../} nor a symbolic link leads out, and {@code /a/b2} is not
 * inside {@code /a/b}. A referenced file refers to nothing further.
 */
final class FileReferences implements ReferenceResolver {
    private final Path referencing;
    private final Path baseDirectory;
    private final String referencingName;
    private final FileSource files;

    /**
     * @param referencing the referencing file, or {@code null} for text
     */
    FileReferences(Path referencing, Path baseDirectory, String referencingName, FileSource files) {
        this.referencing = referencing;
        this.baseDirectory = baseDirectory;
        this.referencingName = referencingName;
        this.files = files;
    }

    @Override
    public SourceDocument resolve(String reference) {
        Path directory;
        if (referencing != null) {
            try {
                directory = referencing.toRealPath().getParent();
            } catch (IOException e) {
                throw new WorkflowException("cannot resolve the directory of " + referencingName + ": " + e.getMessage());
            }
        } else if (baseDirectory != null) {
            directory = baseDirectory;
        } else {
            throw new WorkflowException("$ref '" + reference + "' in workflow text needs the base_directory option "
                    + "(relative paths have nothing to be relative to)");
        }
        Path root = baseDirectory != null ? baseDirectory : directory;
        Path candidate;
        try {
            candidate = directory.resolve(reference).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new WorkflowException("$ref '" + reference + "': not a valid path: " + e.getReason());
        }
        if (!candidate.startsWith(root)) {
            throw new WorkflowException("$ref '" + reference + "' resolves outside the allowed directory " + root
                    + " (path traversal refused)");
        }
        if (!Files.isRegularFile(candidate)) {
            throw new WorkflowException((Files.exists(candidate) ? "referenced file is not a regular file (a directory,"
                    + " a named pipe, a device or a socket): " : "referenced file not found: ") + candidate
                    + " ($ref '" + reference + "')");
        }
        Path real;
        try {
            real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new WorkflowException("$ref '" + reference + "' leads outside the allowed directory " + root
                        + " through a symbolic link (refused)");
            }
        } catch (IOException e) {
            throw new WorkflowException("cannot resolve $ref '" + reference + "': " + e.getMessage());
        }
        String name = candidate.toString();
        try {
            return files.readReferenced(real, name);
        } catch (InvalidWorkflowException e) {
            throw e;
        } catch (WorkflowException e) {
            throw new WorkflowException("cannot read referenced file " + name + ": " + e.getMessage(), e);
        }
    }
}
