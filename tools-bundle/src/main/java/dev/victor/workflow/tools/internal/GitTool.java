package dev.victor.workflow.tools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code git}: read-only git commands in the workspace. Only {@value #COMMANDS_TEXT}; no option that
 * writes a file, runs a program or reads outside the repository ({@code --output}, {@code --ext-diff},
 * {@code --textconv}, {@code --no-index}, {@code -c}, {@code --git-dir}, {@code --work-tree},
 * {@code -O}, {@code --exec}); the repository's configuration cannot start a program (fsmonitor,
 * pager, external diff are switched off), and git does not look for a repository above the workspace.
 */
final class GitTool implements StandardTool {
    static final String COMMANDS_TEXT = "status, log, diff, show, blame, ls-files, rev-parse, branch --list";
    private static final Set<String> COMMANDS = Set.of("status", "log", "diff", "show", "blame", "ls-files", "rev-parse",
            "branch");
    private static final List<String> REFUSED = List.of("--output", "--ext-diff", "--textconv", "--no-index", "-c",
            "--config", "--git-dir", "--work-tree", "-O", "--open-files-in-pager", "--exec", "--upload-pack", "--paginate",
            "--contents");

    private final Workspace workspace;
    private final ProcessRunner runner;

    GitTool(Workspace workspace, ProcessRunner runner) {
        this.workspace = workspace;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "git";
    }

    @Override
    public String description() {
        return "Runs a read-only git command in the workspace: " + COMMANDS_TEXT + ".";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "command": {"type": "string", "enum": ["status", "log", "diff", "show", "blame", "ls-files", "rev-parse", "branch"]},
                  "args": {"type": "array", "items": {"type": "string"}, "description": "its arguments, such as [\\"-n\\", \\"5\\"]"}},
                 "required": ["command"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException, InterruptedException {
        String command = args.text("command");
        if (!COMMANDS.contains(command)) {
            throw new ToolException(name() + ": '" + command + "' is not a read-only command here (" + COMMANDS_TEXT + ")");
        }
        List<String> arguments = args.texts("args");
        for (String argument : arguments) {
            for (String refused : REFUSED) {
                if (argument.equals(refused) || argument.startsWith(refused + "=")
                        || refused.startsWith("--") && argument.startsWith(refused)) {
                    throw new ToolException(name() + ": the option '" + argument + "' is not allowed");
                }
            }
        }
        if (command.equals("branch") && !arguments.stream().allMatch(a -> a.equals("--list") || a.equals("-a")
                || a.equals("-r") || a.equals("-v") || a.equals("--all"))) {
            throw new ToolException(name() + ": branch only lists (--list, -a, -r, -v)");
        }
        List<String> line = new ArrayList<>(List.of("git", "--no-pager", "-c", "core.fsmonitor=false",
                "-c", "core.pager=cat", "-c", "core.hooksPath=/dev/null", command));
        if (Set.of("log", "diff", "show").contains(command)) {
            line.add("--no-ext-diff");
            line.add("--no-textconv");
        }
        line.addAll(arguments);
        return runner.run(name(), line, Map.of(
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", "/dev/null",
                "GIT_TERMINAL_PROMPT", "0",
                "GIT_OPTIONAL_LOCKS", "0",
                "GIT_CEILING_DIRECTORIES", workspace.root().getParent() == null ? "/" : workspace.root().getParent().toString()));
    }
}
