package dev.victor.workflow.kernel.source;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads workflow files within the size limit, and keeps them inside the base directory. */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * Refuses a path outside {@code root}: first on the normalised path (so {@code ../} escapes are
     * refused even when the target does not exist), then on the real path (so a symbolic link cannot
     * lead out). {@code root} must be absolute and normalised.
     */
    public static void confine(Path path, Path root, String shown) {
        if (root == null) {
            return;
        }
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root)) {
            throw outside(shown, root);
        }
        if (Files.exists(normal)) {
            try {
                Path realRoot = root.toRealPath();
                if (!normal.toRealPath().startsWith(realRoot)) {
                    throw outside(shown, root);
                }
            } catch (IOException e) {
                throw new WorkflowSourceUnavailableException(shown, "cannot resolve '" + shown + "': " + e, e);
            }
        }
    }

    /**
     * The file's bytes.
     *
     * @throws WorkflowSourceNotFoundException    when there is no such file (or it is a directory)
     * @throws dev.victor.workflow.api.InvalidWorkflowException when it is larger than the limit
     * @throws WorkflowSourceUnavailableException when it cannot be read, or is not a regular file (a
     *                                            named pipe, a device, a socket: reading one could
     *                                            block forever or never end, so it is refused at once)
     */
    public static byte[] read(Path path, String shown, long maxBytes) {
        if (!Files.exists(path)) {
            throw new WorkflowSourceNotFoundException(shown, "workflow file not found: " + shown
                    + (path.isAbsolute() ? "" : " (resolved to " + path.toAbsolutePath().normalize() + ")"));
        }
        if (Files.isDirectory(path)) {
            throw new WorkflowSourceNotFoundException(shown, "not a workflow file but a directory: " + shown);
        }
        if (!Files.isRegularFile(path)) {
            throw notRegular(shown);
        }
        long max = maxBytes;
        try {
            long size = Files.size(path);
            if (size > max) {
                throw DocumentProblems.invalid(DocumentProblems.tooLarge(max) + " (the file has " + size + " bytes)",
                        shown, 0, 0);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) max + 1);
            }
            if (bytes.length > max) {
                throw DocumentProblems.invalid(DocumentProblems.tooLarge(max), shown, 0, 0);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new WorkflowSourceNotFoundException(shown, "workflow file not found: " + shown, e);
        } catch (AccessDeniedException e) {
            throw new WorkflowSourceUnavailableException(shown, "cannot read " + shown + ": permission denied", e);
        } catch (IOException e) {
            throw new WorkflowSourceUnavailableException(shown, "cannot read " + shown + ": " + e.getMessage(), e);
        }
    }

    /** The error for a file that exists but is not a regular file. */
    public static WorkflowSourceUnavailableException notRegular(String shown) {
        return new WorkflowSourceUnavailableException(shown, "refused: '" + shown + "' is not a regular file (a named"
                + " pipe, a device or a socket); only regular files are read", null);
    }

    /** The error for a path outside the base directory. */
    public static InvalidWorkflowException outside(String shown, Path base) {
        return DocumentProblems.invalid("refused: '" + shown + "' is outside the base directory " + base
                + " (file sources and $ref targets must stay inside it)", shown, 0, 0);
    }
}
