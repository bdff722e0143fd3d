package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code write}: creates or replaces a file of the workspace (and its missing folders). */
final class WriteTool implements StandardTool {
    private final Workspace workspace;
    private final FileLimits limits;

    WriteTool(Workspace workspace, FileLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "write";
    }

    @Override
    public String description() {
        return "Writes a UTF-8 text file of the workspace, replacing it if it exists; missing folders are created.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "path": {"type": "string", "description": "the file, relative to the workspace"},
                  "content": {"type": "string", "description": "the whole new content"}},
                 "required": ["path", "content"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException {
        Path file = workspace.resolve(name(), args.text("path"));
        byte[] bytes = args.text("content").getBytes(StandardCharsets.UTF_8);
        store(name(), workspace, file, bytes, limits);
        return "wrote " + bytes.length + " bytes to " + workspace.show(file);
    }

    /** Writes without following a link at the file itself. */
    static void store(String tool, Workspace workspace, Path file, byte[] bytes, FileLimits limits)
            throws ToolException {
        if (bytes.length > limits.maxFileBytes()) {
            throw new ToolException(tool + ": the content has " + bytes.length + " bytes, more than max.file.bytes ("
                    + limits.maxFileBytes() + ")");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException(tool + ": '" + workspace.show(file) + "' is a folder");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ToolException(tool + ": cannot write '" + workspace.show(file) + "': " + e.getMessage(), e);
        }
    }
}
