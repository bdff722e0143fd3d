package dev.victor.workflow.benchmarks;

import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;
import org.bsc.langgraph4j.state.Channels;

import java.util.Map;

import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

/**
 * The workloads of {@link Workloads} on LangGraph4j 1.8.17: a state with a counter channel,
 * nodes through {@code node_async}, conditional edges through {@code edge_async}, {@code invoke(Map)}.
 * {@code shallow} picks {@link ShallowCopyStateSerializer} instead of the library's default
 * ({@code ObjectStreamStateSerializer}, what {@code new StateGraph(channels, AgentState::new)} uses).
 */
final class LangGraph4jWorkloads {
    private LangGraph4jWorkloads() {
    }

    private static StateGraph<AgentState> graph(String counter, boolean shallow) {
        Map<String, Channel<?>> channels = Map.of(counter, Channels.base(() -> 0));
        return shallow ? new StateGraph<>(channels, new ShallowCopyStateSerializer())
                : new StateGraph<>(channels, AgentState::new);
    }

    private static CompileConfig config() {
        return CompileConfig.builder().recursionLimit(Workloads.BUDGET).build();
    }

    static StateGraph<AgentState> defineLinear(int nodes, boolean shallow) throws GraphStateException {
        StateGraph<AgentState> graph = graph("k", shallow);
        for (int i = 0; i < nodes; i++) {
            graph.addNode("n" + i, node_async(state -> Map.of("k", state.<Integer>value("k").orElseThrow() + 1)));
        }
        graph.addEdge(StateGraph.START, "n0");
        for (int i = 0; i + 1 < nodes; i++) {
            graph.addEdge("n" + i, "n" + (i + 1));
        }
        graph.addEdge("n" + (nodes - 1), StateGraph.END);
        return graph;
    }

    static CompiledGraph<AgentState> linear(int nodes, boolean shallow) throws GraphStateException {
        return defineLinear(nodes, shallow).compile(config());
    }

    static CompiledGraph<AgentState> cycle(int limit, boolean shallow) throws GraphStateException {
        return graph("i", shallow)
                .addNode("a", node_async(state -> Map.of("i", state.<Integer>value("i").orElseThrow() + 1)))
                .addNode("b", node_async(state -> Map.of()))
                .addEdge(StateGraph.START, "a")
                .addEdge("a", "b")
                .addConditionalEdges("b", edge_async(state -> state.<Integer>value("i").orElseThrow() < limit
                        ? "loop" : "done"), Map.of("loop", "a", "done", StateGraph.END))
                .compile(config());
    }

    /** Runs the graph and returns its final state's data. */
    static Map<String, Object> invoke(CompiledGraph<AgentState> graph, Map<String, Object> input) {
        return graph.invoke(input).orElseThrow().data();
    }
}
