package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code ls}: the entries of a folder of the workspace, folders with a final '/', links with '@'. */
final class LsTool implements StandardTool {
    private final Workspace workspace;
    private final FileLimits limits;

    LsTool(Workspace workspace, FileLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String description() {
        return "Lists a folder of the workspace: one entry a line, folders end with '/', symbolic links with '@'.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "path": {"type": "string", "description": "the folder ('.' by default)"}},
                 "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException {
        Path folder = workspace.resolve(name(), args.text("path", "."));
        if (!Files.isDirectory(folder)) {
            throw new ToolException(name() + ": '" + workspace.show(folder) + "' is not a folder");
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.map(path -> path.getFileName().toString()
                            + (Files.isSymbolicLink(path) ? "@" : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted().limit(limits.maxResults() + 1L).toList();
        } catch (IOException e) {
            throw new ToolException(name() + ": cannot list '" + workspace.show(folder) + "': " + e.getMessage(), e);
        }
        if (entries.size() > limits.maxResults()) {
            return String.join("\n", entries.subList(0, limits.maxResults())) + "\n[more entries not shown: max.results is "
                    + limits.maxResults() + "]";
        }
        return entries.isEmpty() ? "(empty)" : String.join("\n", entries);
    }
}
