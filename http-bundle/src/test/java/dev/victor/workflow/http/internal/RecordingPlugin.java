package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.json.internal.JsonCompilerPlugin;
import dev.victor.workflow.yaml.internal.YamlCompilerPlugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The project's real yaml or json plugin, registered under its scheme in the tests' registries,
 * recording every text the http plugin hands it: one entry per parse.
 */
public final class RecordingPlugin implements WorkflowCompilerPlugin {
    private final WorkflowCompilerPlugin real;
    /** Every text given to {@code compile}, in order. */
    final List<String> compiled = new CopyOnWriteArrayList<>();

    private RecordingPlugin(WorkflowCompilerPlugin real) {
        this.real = real;
    }

    static RecordingPlugin yaml() {
        return new RecordingPlugin(new YamlCompilerPlugin());
    }

    static RecordingPlugin json() {
        return new RecordingPlugin(new JsonCompilerPlugin());
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        compiled.add(source);
        return real.compile(source, workflowName, validate);
    }

    @Override
    public boolean validateSource(String source) {
        return real.validateSource(source);
    }

    @Override
    public List<String> workflowNames(String source) {
        return real.workflowNames(source);
    }

    @Override
    public String getCacheKey(String source) {
        return real.getCacheKey(source);
    }
}
