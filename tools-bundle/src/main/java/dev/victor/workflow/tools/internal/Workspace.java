package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The directory the file tools are confined to. A path (relative to the root, or absolute) is
 * accepted only when it lies inside the root once {@code ..} is resolved, and when the real path of
 * its nearest existing ancestor, symbolic links followed, lies inside too: neither {@code ..} nor a
 * link leads out. (A link swapped in between the check and the use is not guarded against.)
 */
final class Workspace {
    private final Path root;

    /** @throws IOException when the directory does not exist */
    Workspace(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("the workspace " + directory + " is not a directory");
        }
        this.root = directory.toRealPath();
    }

    Path root() {
        return root;
    }

    /** The path inside the workspace that {@code given} names. */
    Path resolve(String tool, String given) throws ToolException {
        if (given == null || given.isBlank()) {
            throw new ToolException(tool + ": the path is empty");
        }
        Path asked;
        try {
            asked = Path.of(given);
        } catch (InvalidPathException e) {
            throw new ToolException(tool + ": '" + given + "' is not a path");
        }
        Path candidate = (asked.isAbsolute() ? asked : root.resolve(asked)).normalize();
        if (!candidate.startsWith(root)) {
            throw new ToolException(tool + ": '" + given + "' is outside the workspace");
        }
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            Path real = existing == null ? null : existing.toRealPath();
            if (real == null || !real.startsWith(root)) {
                throw new ToolException(tool + ": '" + given + "' leads outside the workspace through a symbolic link");
            }
        } catch (IOException broken) {
            throw new ToolException(tool + ": '" + given + "' goes through a broken symbolic link");
        }
        return candidate;
    }

    /** True when the path, links followed, is inside the workspace (a walk meets links it must not follow). */
    boolean inside(Path path) {
        try {
            return path.toRealPath().startsWith(root);
        } catch (IOException broken) {
            return false;
        }
    }

    /** How a path is shown to the model: relative to the root, with '/'. */
    String show(Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
