package dev.victor.workflow.tools.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tools a configuration asks for. */
final class StandardTools {
    private StandardTools() {
    }

    /** @throws IOException when the workspace is named but is no folder */
    static List<StandardTool> of(ToolsConfig config) throws IOException {
        List<StandardTool> tools = new ArrayList<>();
        if (config.web_enabled()) {
            tools.add(new WebFetchTool(new NetworkPolicy(config.web_allow_private_networks(), InetAddress::getAllByName),
                    Duration.ofSeconds(config.web_timeout_seconds()), config.web_max_bytes()));
        }
        if (config.workspace().isBlank()) {
            return tools;
        }
        Workspace workspace = new Workspace(Path.of(config.workspace().strip()));
        FileLimits limits = new FileLimits(config.max_file_bytes(), config.max_results());
        tools.add(new ReadTool(workspace, limits));
        tools.add(new WriteTool(workspace, limits));
        tools.add(new EditTool(workspace, limits));
        tools.add(new GrepTool(workspace, limits));
        tools.add(new GlobTool(workspace, limits));
        tools.add(new LsTool(workspace, limits));
        ProcessRunner runner = new ProcessRunner(workspace.root(), Duration.ofSeconds(config.timeout_seconds()),
                config.max_output_bytes());
        if (config.git_enabled()) {
            tools.add(new GitTool(workspace, runner));
        }
        if (config.shell_enabled()) {
            tools.add(new ShellTool(commands(config.shell_allowed_commands()), runner));
        }
        return tools;
    }

    /** A .cfg file gives a list as one text; commas separate too. */
    static Set<String> commands(String[] entries) {
        Set<String> commands = new LinkedHashSet<>();
        for (String entry : entries) {
            Arrays.stream(entry.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(commands::add);
        }
        return commands;
    }
}
