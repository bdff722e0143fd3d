package dev.victor.workflow.distribution.e2e;

import dev.victor.workflow.distribution.e2e.Victor.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assembled distribution run as a user runs it: bin/victor from other directories (and through
 * a symbolic link), one-shot commands with their exit status, every example with --json, the
 * approval example run in one process and resumed in the next, validation of a broken file.
 */
class EndToEndIT {

    private static Path home;
    private static Path victor;

    @TempDir
    static Path elsewhere;

    @BeforeAll
    static void distribution() {
        home = Victor.home();
        victor = home.resolve("bin/victor");
        assertThat(victor).isExecutable();
    }

    private static Run run(String... arguments) {
        return Victor.run(elsewhere, null, victor, arguments);
    }

    private static String example(String name) {
        return home.resolve("examples").resolve(name).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Map<String, Object> result) {
        return (Map<String, Object>) result.get("state");
    }

    @Test
    void schemesListsThePluginsAndExitsAtOnce() {
        Run schemes = run("workflow:schemes");

        assertThat(schemes.status()).as(schemes.toString()).isZero();
        assertThat(schemes.out()).contains("SCHEME", "yaml", "yml", "file", "json", "http", "https", "db");
        assertThat(schemes.err()).as("nothing on standard error").isEmpty();
        assertThat(schemes.took()).as("a one-shot command is quick").isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void theLinearExampleRunsWithAStateGivenAsJson() {
        Run linear = run("workflow:run", "--json", example("linear.yaml"), "{\"name\": \"  Ada \"}");

        assertThat(linear.status()).as(linear.toString()).isZero();
        Map<String, Object> result = linear.json();
        assertThat(result).containsEntry("status", "COMPLETED");
        assertThat(state(result)).containsEntry("greeting", "Hello, Ada!").containsEntry("letters", 3L);
        assertThat(result.get("history")).isEqualTo(List.of("clean", "greet", "measure"));
    }

    @Test
    void argumentsReachTheCommandAsGivenNotAsGogoSyntax() {
        // $, braces, semicolons, quotes and pipes mean something to Gogo; here they are just text
        String name = "O'Hara $HOME {x} ; echo | \"q\"";
        Run linear = run("workflow:run", "--json", example("linear.yaml"),
                "{\"name\": \"" + name.replace("\"", "\\\"") + "\"}");

        assertThat(linear.status()).as(linear.toString()).isZero();
        assertThat(state(linear.json())).containsEntry("greeting", "Hello, " + name + "!");
    }

    @Test
    void theLoopRunsUntilItsConditionHolds() {
        Run loop = run("workflow:run", "--json", example("loop.yaml"), "{\"target\": 90}");

        assertThat(loop.status()).as(loop.toString()).isZero();
        assertThat(loop.json()).containsEntry("status", "COMPLETED");
        assertThat(state(loop.json())).containsEntry("score", 100L).containsEntry("rounds", 4L)
                .containsEntry("result", "published with score 100 after 4 rounds");
    }

    @Test
    void theParallelFanOutJoinsItsBranches() {
        Run accepted = run("workflow:run", "--json", example("parallel.yaml"));
        Run rejected = run("workflow:run", "--json", example("parallel.yaml"), "{\"quantity\": 30}");

        assertThat(accepted.status()).as(accepted.toString()).isZero();
        assertThat(state(accepted.json())).containsEntry("stock_ok", true).containsEntry("fraud_ok", true)
                .containsEntry("shipping_days", 2L).containsEntry("decision", "accepted, ships in 2 days");
        assertThat(rejected.status()).as(rejected.toString()).isZero();
        assertThat(state(rejected.json())).containsEntry("stock_ok", false).containsEntry("decision", "rejected");
    }

    @Test
    void theQuoteCallsTheExampleComputeHandler() {
        Run small = run("workflow:run", "--json", example("quote.yaml"));
        Run large = run("workflow:run", "--json", example("quote.yaml"),
                "{\"items\": [{\"sku\": \"DESK\", \"quantity\": 2, \"unit_price\": 650}], \"discount_percent\": 10}");

        assertThat(small.status()).as(small.toString()).isZero();
        assertThat(state(small.json())).containsEntry("total", 61.0).containsEntry("next_step", "confirmed");
        assertThat(large.status()).as(large.toString()).isZero();
        assertThat(state(large.json())).containsEntry("total", 1170.0).containsEntry("next_step", "sales review");
    }

    @Test
    void theApprovalWaitsInOneProcessAndResumesInTheNext() {
        Run waiting = run("workflow:run", "--json", example("approval.yaml"), "{\"payee\": \"Bob\", \"amount\": 40}");

        assertThat(waiting.status()).as(waiting.toString()).isZero();
        Map<String, Object> interrupted = waiting.json();
        assertThat(interrupted).containsEntry("status", "INTERRUPTED");
        assertThat(((Map<?, ?>) interrupted.get("interrupt")).get("prompt")).isEqualTo("Pay 40 EUR to Bob?");
        String thread = (String) interrupted.get("threadId");

        // the checkpoint in data/ remembers the workflow's URI: no --uri needed in the new process
        Run resumed = run("workflow:resume", "--json", thread, "true");

        assertThat(resumed.status()).as(resumed.toString()).isZero();
        assertThat(resumed.json()).containsEntry("status", "COMPLETED");
        assertThat(state(resumed.json())).containsEntry("paid", true).containsEntry("receipt", "paid 40 EUR to Bob");
    }

    @Test
    void aBrokenFileFailsValidationWithItsLineNumbers() throws IOException {
        Path broken = elsewhere.resolve("broken.yaml");
        try (var in = EndToEndIT.class.getResourceAsStream("/e2e/broken.yaml")) {
            Files.copy(in, broken, StandardCopyOption.REPLACE_EXISTING);
        }

        Run validate = run("workflow:validate", "broken.yaml");

        assertThat(validate.status()).as(validate.toString()).isEqualTo(1);
        assertThat(validate.out()).contains("broken.yaml:7:", "broken.yaml:11:", "is invalid");
    }

    @Test
    void wrongArgumentsAndUnknownCommandsFail() {
        Run unknown = run("workflow:nosuch");
        Run wrong = run("workflow:graph");
        Run missing = run("workflow:run", "no-such-file.yaml");

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(2);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(1);
    }

    @Test
    void aPluginDroppedIntoDeployServesTheNextCommand() throws IOException {
        String packaged = "classpath://dev.victor.workflow.example-handlers/workflows/quote.yaml";
        String order = "{\"items\": [{\"sku\": \"A\", \"quantity\": 4, \"unit_price\": 2.5}]}";
        Path deployed = home.resolve("deploy/example-classpath-plugin.jar");

        Run before = run("workflow:run", packaged, order);
        assertThat(before.status()).as(before.toString()).isEqualTo(1);
        assertThat(before.out()).contains("Unknown workflow scheme 'classpath'");

        Files.copy(home.resolve("examples/plugins/example-classpath-plugin.jar"), deployed);
        try {
            Run schemes = run("workflow:schemes");
            Run after = run("workflow:run", "--json", packaged, order);

            assertThat(schemes.out()).contains("classpath", "dev.victor.workflow.example-classpath-plugin");
            assertThat(after.status()).as(after.toString()).isZero();
            assertThat(state(after.json())).containsEntry("message", "Quote: 10.0 EUR");
        } finally {
            Files.delete(deployed);
        }
        assertThat(run("workflow:schemes").out()).doesNotContain("classpath");
    }

    @Test
    void itRunsThroughASymbolicLinkFromAnyDirectory() throws IOException {
        Path link = elsewhere.resolve("victor");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, victor);

        Run graph = Victor.run(home.getParent(), null, link, "workflow:graph", "victor/examples/linear.yaml");

        assertThat(graph.status()).as(graph.toString()).isZero();
        assertThat(graph.out()).startsWith("flowchart");
    }

    @Test
    void withoutArgumentsItOpensTheShellWhichEndsWithItsInput() {
        Run shell = Victor.run(elsewhere, "schemes\nrun " + example("linear.yaml") + " '{\"name\": \"Gogo\"}'\n", victor);

        assertThat(shell.status()).as(shell.toString()).isZero();
        assertThat(shell.out()).contains("victor> ", "yaml", "Hello, Gogo!");
    }
}
