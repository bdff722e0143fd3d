package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * {@code grep}: the lines matching a regular expression (Java syntax) in the text files under a
 * folder of the workspace (links not followed, {@code .git} skipped, files over max.file.bytes and
 * non-UTF-8 files skipped), as {@code path:line:text}, at most max.results of them.
 */
final class GrepTool implements StandardTool {
    private final Workspace workspace;
    private final FileLimits limits;

    GrepTool(Workspace workspace, FileLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "grep";
    }

    @Override
    public String description() {
        return "Searches the text files of the workspace for a regular expression; answers path:line:text lines.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "pattern": {"type": "string", "description": "a regular expression (Java syntax)"},
                  "path": {"type": "string", "description": "the file or folder to search ('.' by default)"},
                  "glob": {"type": "string", "description": "only files whose path matches this glob, such as **/*.md"},
                  "ignore_case": {"type": "boolean"}},
                 "required": ["pattern"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(args.text("pattern"), args.flag("ignore_case")
                    ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new ToolException(name() + ": the pattern is not a regular expression: " + e.getDescription());
        }
        Path start = workspace.resolve(name(), args.text("path", "."));
        String glob = args.text("glob", null);
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<String> found = new ArrayList<>();
        boolean more = false;
        for (Path file : files(start)) {
            if (matcher != null && !matcher.matches(Path.of(workspace.show(file)))) {
                continue;
            }
            List<String> lines;
            try {
                lines = ReadTool.Text.lines(name(), workspace, file, limits);
            } catch (ToolException skipped) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    if (found.size() == limits.maxResults()) {
                        more = true;
                        break;
                    }
                    found.add(workspace.show(file) + ":" + (i + 1) + ":" + lines.get(i));
                }
            }
            if (more) {
                break;
            }
        }
        if (found.isEmpty()) {
            return "no match";
        }
        return String.join("\n", found) + (more ? "\n[more matches not shown: max.results is " + limits.maxResults()
                + "]" : "");
    }

    private List<Path> files(Path start) throws ToolException {
        if (Files.isRegularFile(start) && workspace.inside(start)) {
            return List.of(start);
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(path -> !workspace.show(path).contains(".git/") && !workspace.show(path).equals(".git"))
                    .filter(Files::isRegularFile).filter(workspace::inside).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ToolException(name() + ": cannot list '" + workspace.show(start) + "': " + e.getMessage(), e);
        }
    }
}
