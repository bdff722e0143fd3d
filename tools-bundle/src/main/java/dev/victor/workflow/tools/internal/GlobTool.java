package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** {@code glob}: the files of the workspace whose path (relative to the search folder) matches a glob. */
final class GlobTool implements StandardTool {
    private final Workspace workspace;
    private final FileLimits limits;

    GlobTool(Workspace workspace, FileLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "glob";
    }

    @Override
    public String description() {
        return "Lists the files of the workspace whose path matches a glob such as **/*.java or docs/*.md.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "pattern": {"type": "string", "description": "the glob, relative to path"},
                  "path": {"type": "string", "description": "the folder to search ('.' by default)"}},
                 "required": ["pattern"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + args.text("pattern"));
        } catch (IllegalArgumentException e) {
            throw new ToolException(name() + ": the pattern is not a glob: " + e.getMessage());
        }
        Path start = workspace.resolve(name(), args.text("path", "."));
        if (!Files.isDirectory(start)) {
            throw new ToolException(name() + ": '" + workspace.show(start) + "' is not a folder");
        }
        List<String> found;
        try (Stream<Path> walk = Files.walk(start)) {
            found = walk.filter(Files::isRegularFile).filter(workspace::inside).filter(path -> matcher.matches(start.relativize(path)))
                    .map(workspace::show).sorted().limit(limits.maxResults() + 1L).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ToolException(name() + ": cannot list '" + workspace.show(start) + "': " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            return "no file matches";
        }
        if (found.size() > limits.maxResults()) {
            return String.join("\n", found.subList(0, limits.maxResults())) + "\n[more files not shown: max.results is "
                    + limits.maxResults() + "]";
        }
        return String.join("\n", found);
    }
}
