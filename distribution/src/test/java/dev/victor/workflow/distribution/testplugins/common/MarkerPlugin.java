package dev.victor.workflow.distribution.testplugins.common;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.format.SourcePositions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test plugin: whatever the source, compiles a one-node workflow whose run writes the plugin's
 * marker (and the source) to the state, so a test sees which plugin, or which version of one,
 * compiled a graph. Packaged privately into each test bundle; the bundles are built with bnd
 * while the tests start.
 */
public abstract class MarkerPlugin implements WorkflowCompilerPlugin {

    private final WorkflowKernel kernel = WorkflowKernel.defaults();

    /** What a run of this plugin's graphs writes to {@code marker}. */
    protected abstract String marker();

    /** How long a compile takes, to widen the window in which a plugin leaves during a compile. */
    protected long compileMillis() {
        return 0;
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        if (compileMillis() > 0) {
            try {
                Thread.sleep(compileMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "mark");
        node.put("type", "transform");
        node.put("transform", "marker = '" + marker() + "'\nsource = '" + source.replace("'", "") + "'");
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("nodes", List.of(node));
        Map<String, Object> tree = Map.of("workflows", Map.of("marked", workflow));
        return kernel.compile(tree, SourcePositions.none(), source, workflowName, validate);
    }
}
