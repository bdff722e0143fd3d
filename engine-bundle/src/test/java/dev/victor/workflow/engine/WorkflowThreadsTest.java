package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.parallel;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's threads belong to the options that own them: no shared pool, shut down on close. */
class WorkflowThreadsTest {

    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    private static CompiledGraph fanOut(EngineOptions options) {
        NodeServices services = NodeServices.builder()
                .handler("where", call -> {
                    THREADS.add(Thread.currentThread().getName());
                    return NodeOutput.of("ok");
                })
                .build();
        return new DefinitionCompiler(options.services(services)).compile(workflow("fan",
                parallel("fan", JoinStrategy.ALL, null, null, "a", "b"),
                handler("a", "where", Map.of(), null),
                handler("b", "where", Map.of(), null)));
    }

    @Test
    void parallelBranchesRunOnTheOptionsOwnThreadsAndNoneAfterClose() {
        WorkflowThreads threads = new WorkflowThreads("test-engine");
        CompiledGraph graph = fanOut(EngineOptions.defaults().executor(threads));

        assertThat(graph.invoke(Map.of()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(THREADS).anySatisfy(name -> assertThat(name).startsWith("test-engine-"));

        threads.close();
        assertThatThrownBy(() -> threads.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("test-engine");
        assertThat(graph.invoke(Map.of()).status()).isNotEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void defaultOptionsEachHaveTheirOwnPool() {
        EngineOptions first = EngineOptions.defaults();
        EngineOptions second = EngineOptions.defaults();

        assertThat(first.executor()).isInstanceOf(WorkflowThreads.class);
        assertThat(first.executor()).isNotSameAs(second.executor());
    }
}
