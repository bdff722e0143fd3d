package dev.victor.workflow.tools.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code edit}: replaces an exact piece of text in a file, once (it must be unique) or everywhere. */
final class EditTool implements StandardTool {
    private final Workspace workspace;
    private final FileLimits limits;

    EditTool(Workspace workspace, FileLimits limits) {
        this.workspace = workspace;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public String description() {
        return "Replaces old_string by new_string in a text file of the workspace. old_string must occur exactly"
                + " once unless replace_all is true.";
    }

    @Override
    public String parameters() {
        return """
                {"type": "object", "properties": {
                  "path": {"type": "string", "description": "the file, relative to the workspace"},
                  "old_string": {"type": "string", "description": "the exact text to replace"},
                  "new_string": {"type": "string", "description": "the text to put instead"},
                  "replace_all": {"type": "boolean", "description": "replace every occurrence (false by default)"}},
                 "required": ["path", "old_string", "new_string"], "additionalProperties": false}""";
    }

    @Override
    public Object run(Args args) throws ToolException {
        Path file = workspace.resolve(name(), args.text("path"));
        String old = args.text("old_string");
        String replacement = args.text("new_string");
        boolean all = args.flag("replace_all");
        if (old.isEmpty()) {
            throw new ToolException(name() + ": old_string is empty");
        }
        String text = ReadTool.Text.read(name(), workspace, file, limits);
        int count = 0;
        for (int at = text.indexOf(old); at >= 0; at = text.indexOf(old, at + old.length())) {
            count++;
        }
        if (count == 0) {
            throw new ToolException(name() + ": old_string does not occur in '" + workspace.show(file) + "'");
        }
        if (count > 1 && !all) {
            throw new ToolException(name() + ": old_string occurs " + count + " times in '" + workspace.show(file)
                    + "'; give more context or set replace_all");
        }
        String edited = all ? text.replace(old, replacement) : text.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(replacement));
        WriteTool.store(name(), workspace, file, edited.getBytes(StandardCharsets.UTF_8), limits);
        return "replaced " + count + " occurrence" + (count == 1 ? "" : "s") + " in " + workspace.show(file);
    }
}
