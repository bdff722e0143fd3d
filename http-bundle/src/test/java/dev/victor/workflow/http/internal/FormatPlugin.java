package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.model.SourcePositions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real format plugin for the tests, registered under {@code yaml} or {@code json}: it
 * records every text it is given, parses it with SnakeYAML (which reads JSON too) and compiles
 * it with the kernel. Stands in for the yaml and json plugins of the project.
 */
public final class FormatPlugin implements WorkflowCompilerPlugin {
    final String scheme;
    /** Every text given to {@code compile}, in order: one entry per parse. */
    final List<String> compiled = new CopyOnWriteArrayList<>();

    FormatPlugin(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        compiled.add(source);
        return WorkflowKernel.defaults().compile(parse(source), SourcePositions.none(), null, workflowName, validate);
    }

    @Override
    public List<String> workflowNames(String source) {
        Object tree = parse(source);
        if (tree instanceof Map<?, ?> map && map.get("workflows") instanceof Map<?, ?> workflows) {
            List<String> names = new ArrayList<>();
            workflows.keySet().forEach(name -> names.add(String.valueOf(name)));
            return names;
        }
        return List.of();
    }

    private static Object parse(String text) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new InvalidWorkflowException("not YAML", List.of(Problem.error("cannot parse: "
                    + e.getMessage().lines().findFirst().orElse(""))));
        }
    }
}
