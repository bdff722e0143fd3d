package dev.victor.workflow.db;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Stands in for the yaml or json plugin: remembers every text it is asked to compile and returns a
 * graph that only carries it. A text containing {@code INVALID} fails with a located problem.
 */
public final class FakePlugin implements WorkflowCompilerPlugin {
    public final String format;
    public final List<String> compiled = new CopyOnWriteArrayList<>();

    public FakePlugin(String format) {
        this.format = format;
    }

    /** The text a graph was compiled from (the registry hands graphs out wrapped, so it travels as a warning). */
    public static String textOf(CompiledGraph graph) {
        return graph.warnings().get(0).message();
    }

    /** The format of the plugin that compiled a graph. */
    public static String formatOf(CompiledGraph graph) {
        return graph.warnings().get(0).source();
    }

    /** A compiled graph that is only its text. */
    record Graph(String name, String text, String format) implements CompiledGraph {
        @Override
        public List<Problem> warnings() {
            return List.of(Problem.warning(text).withSource(format));
        }

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

    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        return compile(text, workflowName, validate);
    }

    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        return workflowNames(text);
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        compiled.add(source);
        if (source.contains("INVALID")) {
            throw new InvalidWorkflowException("<text>: 1 error",
                    List.of(Problem.error("not a valid node").withSource("<text>").withNode("n1").at(2, 3)));
        }
        return new Graph(workflowName == null ? "main" : workflowName, source, format);
    }
}
