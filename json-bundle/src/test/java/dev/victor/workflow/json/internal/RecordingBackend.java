package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.format.SourcePositions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;

/** Stands in for the kernel: remembers what it was given, and can report problems. */
final class RecordingBackend implements WorkflowBackend {
    Object tree;
    SourcePositions positions;
    String sourceName;
    String workflowName;
    Function<String, String> environment;
    boolean strict;
    java.util.Set<String> customNodeTypes;
    List<Problem> errors = List.of();
    List<Problem> warnings = List.of();

    @Override
    public CompiledGraph compile(Object tree, SourcePositions positions, String sourceName, String workflowName,
                                 boolean validate, Settings settings) {
        this.tree = tree;
        this.positions = positions;
        this.sourceName = sourceName;
        this.workflowName = workflowName;
        this.environment = settings.environment();
        this.strict = settings.strict();
        this.customNodeTypes = settings.customNodeTypes();
        if (!errors.isEmpty()) {
            throw new InvalidWorkflowException("invalid", errors);
        }
        return new Graph(workflowName, warnings);
    }

    @Override
    public List<String> workflowNames(Object tree, SourcePositions positions, String sourceName, Settings settings) {
        this.tree = tree;
        this.positions = positions;
        this.sourceName = sourceName;
        return ((Map<?, ?>) ((Map<?, ?>) tree).get("workflows")).keySet().stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> root() {
        return (Map<String, Object>) tree;
    }

    record Graph(String name, List<Problem> warnings) implements CompiledGraph {
        @Override
        public RunResult invoke(Map<String, Object> state, RunConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<RunResult> invokeAsync(Map<String, Object> state, RunConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Stream<RunEvent> stream(Map<String, Object> state, RunConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunResult resume(String threadId, Object response, RunConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GraphView getGraph() {
            throw new UnsupportedOperationException();
        }
    }
}
