package dev.victor.workflow.registry.internal.command;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDescriptionsTest {

    /** A command service whose function names are not method names (as db-put's). */
    public static final class Hyphenated {
        public void _main(Object session, String... words) {
        }
    }

    @Test
    void annotatedMethodsGiveSummaryOptionsAndArguments() {
        Map<String, Object> properties = Map.of("osgi.command.scope", "workflow",
                "osgi.command.function", new String[] {"run", "cache"});
        List<CommandDescriptions.Command> commands = CommandDescriptions.of(properties::get, GogoCommands.class);

        assertThat(commands).extracting(CommandDescriptions.Command::name).containsExactly("workflow:run", "workflow:cache");
        CommandDescriptions.Command run = commands.get(0);
        assertThat(run.summary()).isEqualTo("runs a workflow from an initial state, printing its events as they happen"
                + " and then the result");
        assertThat(run.matches("run")).isTrue();
        assertThat(run.matches("workflow:run")).isTrue();
        assertThat(run.matches("felix:run")).isFalse();
        String details = run.details();
        assertThat(details).startsWith("workflow:run - ")
                .contains("usage: run [-w|--workflow VALUE] [--json] [--dry-run] [--branch VALUE] ARG1\n")
                .contains("usage: run [-w|--workflow VALUE] [--json] [--dry-run] [--branch VALUE] ARG1 ARG2\n")
                .contains("  --json                 print one JSON document as the last line\n")
                .contains("arguments:\n  ARG1                   workflow URI\n  ARG2                   initial state as a JSON"
                        + " object\n")
                .doesNotContain("CommandSession").doesNotContain("java.lang");
    }

    @Test
    void aUsageLineNamesTheArguments() {
        assertThat(CommandDescriptions.positional("run [-w|--workflow NAME] [--json] [--branch NODE=LABEL,...] URI"
                + " [STATE-JSON]")).containsExactly("URI", "STATE-JSON");
        Map<String, Object> properties = Map.of("osgi.command.scope", "workflow", "osgi.command.function", "fork",
                CommandDescriptions.USAGE + "fork", "fork [--uri URI] [--json] THREAD STEP [STATE-PATCH-JSON]");
        String details = CommandDescriptions.of(properties::get, GogoCommands.class).get(0).details();
        assertThat(details).contains("usage: fork [--uri URI] [--json] THREAD STEP [STATE-PATCH-JSON]\n")
                .contains("  THREAD                 the thread id\n  STEP                   the step\n"
                        + "  STATE-PATCH-JSON       keys to set as a JSON object")
                .containsOnlyOnce("  --json");
    }

    @Test
    void propertiesDescribeCommandsWithoutMethods() {
        Map<String, Object> properties = Map.of("osgi.command.scope", "workflow", "osgi.command.function", "db-put",
                CommandDescriptions.SUMMARY + "db-put", "stores a workflow",
                CommandDescriptions.USAGE + "db-put", "db-put NAME FILE");
        CommandDescriptions.Command put = CommandDescriptions.of(properties::get, Hyphenated.class).get(0);

        assertThat(put.summary()).isEqualTo("stores a workflow");
        assertThat(put.details()).isEqualTo("workflow:db-put - stores a workflow\nusage: db-put NAME FILE\n");
    }

    @Test
    void workflowCommandsComeFirst() {
        List<CommandDescriptions.Command> sorted = CommandDescriptions.sorted(List.of(
                new CommandDescriptions.Command("felix", "lb", "x", null, List.of()),
                new CommandDescriptions.Command("zeta", "a", "x", null, List.of()),
                new CommandDescriptions.Command("workflow", "run", "x", null, List.of()),
                new CommandDescriptions.Command("gogo", "echo", "x", null, List.of()),
                new CommandDescriptions.Command("workflow", "cache", "x", null, List.of())));
        assertThat(sorted).extracting(CommandDescriptions.Command::name)
                .containsExactly("workflow:cache", "workflow:run", "gogo:echo", "felix:lb", "zeta:a");
    }
}
