package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code read}: a text file of the workspace, its lines numbered, from a line on, at most so many lines. */
final class ReadTool implements StandardTool {
    private final Workspace workspace;
    private final FileLimits limits;

    ReadTool(Workspace workspace, FileLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "read";
    }

    @Override
    public String description() {
        return "Reads a UTF-8 text file of the workspace; each line is prefixed with its number and a tab.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "path": {"type": "string", "description": "the file, relative to the workspace"},
                  "offset": {"type": "integer", "minimum": 1, "description": "the first line to read (1 by default)"},
                  "limit": {"type": "integer", "minimum": 1, "description": "the most lines to read"}},
                 "required": ["path"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException {
        Path file = workspace.resolve(name(), args.text("path"));
        long offset = args.number("offset", 1, 1, Integer.MAX_VALUE);
        long limit = args.number("limit", limits.maxResults(), 1, limits.maxResults());
        List<String> lines = Text.lines(name(), workspace, file, limits);
        StringBuilder out = new StringBuilder();
        long end = Math.min(lines.size(), offset - 1 + limit);
        for (long i = offset - 1; i < end; i++) {
            out.append(i + 1).append('\t').append(lines.get((int) i)).append('\n');
        }
        if (end < lines.size()) {
            out.append("[").append(lines.size() - end).append(" more lines; read on with offset ").append(end + 1)
                    .append("]\n");
        }
        return out.toString();
    }

    /** Reading text files under the limits, shared by the file tools. */
    static final class Text {
        private Text() {
        }

        static String read(String tool, Workspace workspace, Path file, FileLimits limits) throws ToolException {
            if (!Files.isRegularFile(file)) {
                throw new ToolException(tool + ": '" + workspace.show(file) + "' is not a file");
            }
            try {
                long size = Files.size(file);
                if (size > limits.maxFileBytes()) {
                    throw new ToolException(tool + ": '" + workspace.show(file) + "' has " + size
                            + " bytes, more than max.file.bytes (" + limits.maxFileBytes() + ")");
                }
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException binary) {
                throw new ToolException(tool + ": '" + workspace.show(file) + "' is not UTF-8 text");
            } catch (IOException e) {
                throw new ToolException(tool + ": cannot read '" + workspace.show(file) + "': " + e.getMessage(), e);
            }
        }

        static List<String> lines(String tool, Workspace workspace, Path file, FileLimits limits) throws ToolException {
            return read(tool, workspace, file, limits).lines().toList();
        }
    }
}
