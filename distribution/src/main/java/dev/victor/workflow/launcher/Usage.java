package dev.victor.workflow.launcher;

/** What {@code bin/victor --help} prints. */
final class Usage {

    static final String TEXT = """
            usage: victor                      open the Gogo shell (type 'help', 'exit' to leave)
                   victor <command> [arg...]   run one command, print its output, exit with its status

            Commands (scope workflow; 'victor help' lists every command):
              workflow:schemes
              workflow:compile  [--workflow NAME] [--json] <uri>
              workflow:validate [--workflow NAME] [--json] <uri>
              workflow:run      [--workflow NAME] [--json] [--dry-run] [--branch NODE=LABEL,...] <uri> [state-json]
              workflow:resume   [--uri URI] [--workflow NAME] [--json] [--pause ID] [--migrate] <thread> <response-json>
              workflow:history  [--json] <thread> [step]
              workflow:fork     [--uri URI] [--json] <thread> <step> [state-patch-json]
              workflow:graph    [--workflow NAME] <uri> [mermaid|dot|json]
              workflow:cache    [clear]

            Arguments reach the command exactly as given: quote JSON for your shell only,
              victor workflow:run examples/linear.yaml '{"name": "Ada"}'
            Exit status: 0 success, 1 failure, 2 wrong arguments or unknown command.
            Environment: JAVA_HOME or PATH for java; VICTOR_JAVA_OPTS for JVM options.
            """;

    private Usage() {
    }
}
