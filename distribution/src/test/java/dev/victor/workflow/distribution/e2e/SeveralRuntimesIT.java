package dev.victor.workflow.distribution.e2e;

import dev.victor.workflow.distribution.e2e.Victor.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several runtimes on one database: each command below is a runtime of its own (a JVM running
 * bin/victor), all on the distribution's H2 file in automatic mixed mode. A workflow stored by one
 * is compiled by the next; a run paused by one is resumed by another; two racing to answer one
 * pause, exactly one continues; a changed workflow is resumed only with --migrate; history and
 * fork see what every runtime wrote.
 */
class SeveralRuntimesIT {

    private static final String RELEASE = """
            workflows:
              release:
                nodes:
                  - id: draft
                    type: transform
                    transform: title = "Release " + str(version)
                    next: approve
                  - id: approve
                    type: hitl
                    hitl_type: approval
                    prompt: "Ship {title}?"
                    next: label
                  - id: label
                    type: hitl
                    hitl_type: input
                    prompt: "Name {title}"
                    next: publish
                  - id: publish
                    type: transform
                    transform: status = "published " + str(label)
            """;

    private static Path victor;

    @TempDir
    static Path elsewhere;

    @BeforeAll
    static void distribution() {
        victor = Victor.home().resolve("bin/victor");
        assertThat(victor).isExecutable();
    }

    private static Run run(String... arguments) {
        return Victor.run(elsewhere, null, victor, arguments);
    }

    @Test
    void pausedOnOneRuntimeResumedOnAnotherAndARaceHasOneWinner() throws IOException {
        Path file = elsewhere.resolve("release.yaml");
        Files.writeString(file, RELEASE);
        String name = "release" + ProcessHandle.current().pid();
        Run put = run("workflow:db-put", name, file.toString());
        assertThat(put.status()).as(put.toString()).isZero();

        Run paused = run("workflow:run", "--json", "db://" + name, "{\"version\": 3}");
        assertThat(paused.status()).as(paused.toString()).isZero();
        String thread = (String) paused.json().get("threadId");
        String approve = (String) ((Map<?, ?>) paused.json().get("interrupt")).get("pause");
        assertThat(paused.out()).contains("(pause " + approve + ")");

        CompletableFuture<Run> first = CompletableFuture.supplyAsync(
                () -> run("workflow:resume", "--json", "--pause", approve, thread, "true"));
        CompletableFuture<Run> second = CompletableFuture.supplyAsync(
                () -> run("workflow:resume", "--json", "--pause", approve, thread, "true"));
        List<Run> racers = List.of(first.join(), second.join());
        List<Run> winners = racers.stream().filter(r -> r.status() == 0).toList();
        List<Run> losers = racers.stream().filter(r -> r.status() != 0).toList();
        assertThat(winners).as(racers.toString()).hasSize(1);
        assertThat(losers).hasSize(1);
        assertThat(losers.get(0).status()).isEqualTo(1);
        assertThat(losers.get(0).out()).contains("thread '" + thread + "'").contains("resumed already")
                .contains("nothing was changed");
        assertThat(((Map<?, ?>) winners.get(0).json().get("interrupt")).get("node")).isEqualTo("label");

        Run history = run("workflow:history", "--json", thread);
        assertThat(history.status()).as(history.toString()).isZero();
        List<?> steps = (List<?>) history.json().get("steps");
        assertThat(steps).hasSize(3);
        assertThat(((Map<?, ?>) steps.get(1)).get("status")).isEqualTo("resumed");
        assertThat(((Map<?, ?>) steps.get(1)).get("response")).isEqualTo(true);
        assertThat(((Map<?, ?>) steps.get(2)).get("status")).isEqualTo("waiting");

        Run fork = run("workflow:fork", "--json", thread, "1", "{\"title\": \"Hotfix\"}");
        assertThat(fork.status()).as(fork.toString()).isZero();
        assertThat(((Map<?, ?>) fork.json().get("interrupt")).get("prompt")).isEqualTo("Ship Hotfix?");
        String copy = (String) fork.json().get("threadId");

        Run threads = run("workflow:db-threads");
        assertThat(threads.out()).containsPattern(copy + " +release +approve +waiting .* \\d+s\n");

        // an update stored by one runtime is what the next compiles; the paused run is pinned to the old one
        Files.writeString(file, RELEASE.replace("\"published \"", "\"shipped \""));
        assertThat(run("workflow:db-put", name, file.toString()).status()).isZero();
        Run refused = run("workflow:resume", copy, "true");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("changed since the run paused").contains("--migrate");
        Run migrated = run("workflow:resume", "--json", "--migrate", copy, "true");
        assertThat(migrated.status()).as(migrated.toString()).isZero();
        assertThat((List<?>) migrated.json().get("warnings")).anySatisfy(w -> assertThat(w).asString().startsWith("migrated: "));
        Run done = run("workflow:resume", "--json", copy, "v4");
        assertThat(done.status()).as(done.toString()).isZero();
        assertThat(((Map<?, ?>) done.json().get("state")).get("status")).isEqualTo("shipped v4");
    }
}
