package dev.victor.workflow.tools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code shell}: runs one allow-listed program with arguments in the workspace. No shell interprets
 * the line: it is split into words (single and double quotes group, a backslash escapes), so pipes,
 * redirections, {@code ;}, {@code &&} and {@code $} are plain characters. The program must be named
 * as it is in the allow-list, without a path. Its arguments are not confined to the workspace:
 * the allow-list is the control.
 */
final class ShellTool implements StandardTool {
    private final Set<String> allowed;
    private final ProcessRunner runner;

    ShellTool(Set<String> allowed, ProcessRunner runner) {
        this.allowed = Set.copyOf(allowed);
        this.runner = runner;
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String description() {
        return "Runs one program with its arguments in the workspace (no pipes or redirections). Allowed programs: "
                + String.join(", ", new java.util.TreeSet<>(allowed)) + ".";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "command": {"type": "string", "description": "the program and its arguments, such as: mvn -q test"}},
                 "required": ["command"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException, InterruptedException {
        List<String> words = split(name(), args.text("command"));
        if (words.isEmpty()) {
            throw new ToolException(name() + ": the command is empty");
        }
        String program = words.get(0);
        if (!allowed.contains(program) || program.contains("/")) {
            throw new ToolException(name() + ": '" + program + "' is not in shell.allowed.commands ("
                    + (allowed.isEmpty() ? "empty" : String.join(", ", new java.util.TreeSet<>(allowed))) + ")");
        }
        return runner.run(name(), words, Map.of());
    }

    /** Words as a POSIX shell would split them, without expansions. */
    static List<String> split(String tool, String line) throws ToolException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new ToolException(tool + ": a quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
