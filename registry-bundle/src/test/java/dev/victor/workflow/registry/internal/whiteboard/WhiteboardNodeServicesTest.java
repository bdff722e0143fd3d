package dev.victor.workflow.registry.internal.whiteboard;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.TinyPlugin;
import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.NodeOutput;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WhiteboardNodeServicesTest {

    private final WhiteboardNodeServices services = new WhiteboardNodeServices();

    private static Map<String, Object> props(String key, String value, long id, int ranking) {
        return Map.of(key, value, "service.id", id, "service.ranking", ranking);
    }

    @Test
    void handlersByNameWithRanking() {
        ComputeHandler low = call -> NodeOutput.of("low");
        ComputeHandler high = call -> NodeOutput.of("high");
        services.addHandler(low, props("name", "fetch", 1, 0));
        assertThat(services.handler("fetch")).containsSame(low);
        services.addHandler(high, props("name", "fetch", 2, 5));
        assertThat(services.handler("fetch")).containsSame(high);
        services.removeHandler(props("name", "fetch", 2, 5));
        assertThat(services.handler("fetch")).containsSame(low);
        services.removeHandler(props("name", "fetch", 1, 0));
        assertThat(services.handler("fetch")).isEmpty();
        assertThat(services.handler(null)).isEmpty();
    }

    @Test
    void aServiceWithoutANameIsNotAdded() {
        assertThat(services.addTool(call -> "x", Map.of("service.id", 3L))).isFalse();
        assertThat(services.addTool(call -> "x", props("name", "search", 4, 0))).isTrue();
        assertThat(services.tool("search")).isPresent();
    }

    @Test
    void expressionFunctionsByName() {
        assertThat(services.function("elapsed_time")).isEmpty();
        assertThat(services.addFunction((args, keywords) -> 42L, props("name", "elapsed_time", 6, 0))).isTrue();
        assertThat(services.function("elapsed_time")).isPresent();
        services.removeFunction(props("name", "elapsed_time", 6, 0));
        assertThat(services.function("elapsed_time")).isEmpty();
    }

    @Test
    void everyKind() {
        services.addCondition(state -> true, props("name", "ok", 1, 0));
        services.addTransform(state -> Map.of(), props("name", "tidy", 2, 0));
        services.addNodeExecutor(call -> NodeOutput.of(1), props("type", "custom", 3, 0));
        AgentRuntime first = task -> "a";
        AgentRuntime better = task -> "b";
        services.addAgentRuntime(first, Map.of("service.id", 4L));
        services.addAgentRuntime(better, Map.of("service.id", 5L, "service.ranking", 9));
        CheckpointStore store = new CheckpointStore() {
            @Override
            public void save(dev.victor.workflow.spi.Checkpoint checkpoint) {
            }

            @Override
            public Optional<dev.victor.workflow.spi.Checkpoint> load(String threadId) {
                return Optional.empty();
            }

            @Override
            public boolean delete(String threadId) {
                return false;
            }
        };
        services.addCheckpointStore(store, Map.of("service.id", 6L));
        assertThat(services.condition("ok")).isPresent();
        assertThat(services.transform("tidy")).isPresent();
        assertThat(services.nodeExecutor("custom")).isPresent();
        assertThat(services.agentRuntime()).containsSame(better);
        services.removeAgentRuntime(Map.of("service.id", 5L));
        assertThat(services.agentRuntime()).containsSame(first);
        assertThat(services.checkpointStore()).containsSame(store);
        assertThat(services.describe()).contains("conditions: [ok]").contains("node types: [custom]");
    }

    @Test
    void aHandlerInstalledLaterMakesAWaitingWorkflowRunnableWithoutRecompiling() {
        DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.builder().nodeServices(services).build();
        registry.register("tiny", TinyPlugin.class);
        CompiledGraph graph = registry.compile("tiny://w: fetch -> store");
        services.addHandler(call -> NodeOutput.of("page"), props("name", "fetch", 1, 0));
        RunResult missing = graph.invoke(Map.of());
        assertThat(missing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(missing.error().message()).contains("'store'");
        services.addHandler(call -> NodeOutput.of("saved"), props("name", "store", 2, 0));
        RunResult done = graph.invoke(Map.of());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.state()).containsEntry("fetch", "page").containsEntry("store", "saved");
        assertThat(registry.cacheStatistics().misses()).isEqualTo(1);
    }
}
