package com.example.workflow.chain;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.PluginName;
import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.kernel.WorkflowKernel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiler plugin with full control over its scheme: {@code chain://x = 1; y = x * 2} is a
 * workflow of one transform node per statement, run in order. It builds the tree itself and hands
 * it to the kernel, which validates and compiles it (and reports a bad statement as a problem).
 */
@Component(service = WorkflowCompilerPlugin.class)
@Scheme("chain")
@PluginName("chain")
public final class ChainCompilerPlugin implements WorkflowCompilerPlugin {
    private final WorkflowKernel kernel;

    @Activate
    public ChainCompilerPlugin(@Reference WorkflowKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        String[] statements = source.split(";");
        List<Object> nodes = new ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", "step" + (i + 1));
            node.put("type", "transform");
            node.put("transform", statements[i].strip());
            node.put("next", i + 1 < statements.length ? List.of("step" + (i + 2)) : List.of());
            nodes.add(node);
        }
        Map<String, Object> tree = Map.of("workflows", Map.of("chain", Map.of("nodes", nodes)));
        return kernel.compile(tree, SourcePositions.none(), "chain://" + source, workflowName, validate);
    }

    @Override
    public boolean validateSource(String source) {
        return source != null && !source.isBlank();
    }

    /** The source is the whole workflow, so it is its own cache key. */
    @Override
    public String getCacheKey(String source) {
        return source;
    }
}
