package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.model.TeamFormation;
import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.member;
import static dev.victor.workflow.engine.Defs.parallel;
import static dev.victor.workflow.engine.Defs.team;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/** Token usage per node in the result and the events, and the pieces of answers streamed as they arrive. */
class AgentReportsTest {

    private static CompiledGraph compile(AgentRuntime runtime, NodeDefinition... nodes) {
        return new DefinitionCompiler(EngineOptions.defaults().services(NodeServices.builder().agentRuntime(runtime)
                .build())).compile(workflow("wf", nodes));
    }

    /** Two model calls per task: "Hel" then "lo" of (10, 2) and (5, 1) tokens; a member adds its id's length. */
    private static final AgentRuntime TWO_CALLS = task -> {
        int extra = task.memberId() == null ? 0 : task.memberId().length();
        task.listener().token("Hel");
        task.listener().usage(new TokenUsage(10 + extra, 2));
        task.listener().token("lo");
        task.listener().usage(new TokenUsage(5, 1));
        return "Hello";
    };

    @Test
    void invokeSumsTheTokensPerNodeAndPerRun() {
        CompiledGraph graph = compile(TWO_CALLS, agent("writer", "executor", "Write", "crew"),
                team("crew", TeamFormation.PARALLEL, false, null, member("ab", "x", "g", false),
                        member("cde", "x", "g", false)));

        RunResult result = graph.invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.tokenUsage()).containsExactly(Map.entry("writer", new TokenUsage(15, 3)),
                Map.entry("crew", new TokenUsage(35, 6)));
        assertThat(result.totalTokenUsage()).isEqualTo(new TokenUsage(50, 9));
        assertThat(result.state().get("writer")).isEqualTo("Hello");
    }

    @Test
    void aRunWithoutModelCallsHasNoUsage() {
        RunResult result = compile(task -> "done", agent("a", "executor", "x", null)).invoke(Map.of());

        assertThat(result.tokenUsage()).isEmpty();
        assertThat(result.totalTokenUsage()).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void onlyAStreamedRunAsksForPiecesOfTheAnswer() {
        List<Boolean> streaming = new ArrayList<>();
        AgentRuntime runtime = task -> {
            streaming.add(task.listener().streaming());
            return "ok";
        };
        CompiledGraph graph = compile(runtime, agent("a", "executor", "x", null));

        graph.invoke(Map.of());
        try (Stream<RunEvent> events = graph.stream(Map.of())) {
            events.forEach(event -> { });
        }

        assertThat(streaming).containsExactly(false, true);
    }

    @Test
    void aStreamCarriesThePiecesAndTheUsageOfEachCallInsideTheNode() {
        CompiledGraph graph = compile(TWO_CALLS, agent("writer", "executor", "Write", null));

        List<RunEvent> events = graph.stream(Map.of()).toList();

        List<String> kinds = events.stream().map(event -> event.getClass().getSimpleName()).toList();
        assertThat(kinds).containsExactly("RunStarted", "NodeStarted", "AgentToken", "TokensUsed", "AgentToken",
                "TokensUsed", "NodeCompleted", "RunFinished");
        assertThat(events.get(2)).isEqualTo(new RunEvent.AgentToken("writer", null, "Hel"));
        assertThat(events.get(5)).isEqualTo(new RunEvent.TokensUsed("writer", null, new TokenUsage(5, 1)));
        RunResult result = ((RunEvent.RunFinished) events.get(events.size() - 1)).result();
        assertThat(result.tokenUsage()).containsExactly(Map.entry("writer", new TokenUsage(15, 3)));
    }

    @Test
    void piecesReachTheConsumerWhileTheNodeStillRuns() {
        CountDownLatch seen = new CountDownLatch(1);
        AtomicBoolean sawItInTime = new AtomicBoolean();
        AgentRuntime runtime = task -> {
            task.listener().token("first");
            // the node goes on only once the stream's consumer has the first piece
            sawItInTime.set(seen.await(30, TimeUnit.SECONDS));
            task.listener().token(" second");
            return "first second";
        };
        CompiledGraph graph = compile(runtime, agent("writer", "executor", "Write", null));

        List<String> pieces = new ArrayList<>();
        RunResult result = null;
        try (Stream<RunEvent> events = graph.stream(Map.of())) {
            for (Iterator<RunEvent> it = events.iterator(); it.hasNext(); ) {
                RunEvent event = it.next();
                if (event instanceof RunEvent.AgentToken token) {
                    pieces.add(token.text());
                    seen.countDown();
                } else if (event instanceof RunEvent.RunFinished finished) {
                    result = finished.result();
                }
            }
        }

        assertThat(sawItInTime).isTrue();
        assertThat(pieces).containsExactly("first", " second");
        assertThat(String.join("", pieces)).isEqualTo(result.state().get("writer"));
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void closingTheStreamWhileAnAgentRunsInterruptsItAndCancelsTheRun() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        AgentRuntime runtime = task -> {
            task.listener().token("thinking");
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "never";
        };
        CompiledGraph graph = compile(runtime, agent("writer", "executor", "Write", null));

        Stream<RunEvent> events = graph.stream(Map.of());
        Iterator<RunEvent> it = events.iterator();
        RunEvent event;
        do {
            event = it.next();
        } while (!(event instanceof RunEvent.AgentToken));
        events.close();

        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void parallelAgentsStreamFromTheirOwnThreadsBeforeTheParallelNodeCompletes() {
        CompiledGraph graph = compile(TWO_CALLS, parallel("both", JoinStrategy.ALL, null, null, "a", "b"),
                agent("a", "executor", "x", null), agent("b", "executor", "y", null));

        List<RunEvent> events = graph.stream(Map.of()).toList();

        int parentDone = -1;
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.NodeCompleted done && done.nodeId().equals("both")) {
                parentDone = i;
            } else if (events.get(i) instanceof RunEvent.AgentToken) {
                tokens.add(i);
            }
        }
        assertThat(tokens).hasSize(4).allMatch(index -> index < events.size());
        assertThat(parentDone).isGreaterThan(tokens.get(tokens.size() - 1));
        RunResult result = ((RunEvent.RunFinished) events.get(events.size() - 1)).result();
        assertThat(result.tokenUsage()).containsOnlyKeys("a", "b");
        assertThat(result.totalTokenUsage()).isEqualTo(new TokenUsage(30, 6));
    }

    @Test
    void aFailedAgentKeepsTheTokensItSpent() {
        AgentRuntime runtime = task -> {
            task.listener().usage(new TokenUsage(7, 0));
            throw new IllegalStateException("the model gave no answer");
        };

        RunResult result = compile(runtime, agent("a", "executor", "x", null)).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.tokenUsage()).containsExactly(Map.entry("a", new TokenUsage(7, 0)));
    }
}
