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
    private final boolean cacheable;
    /** Every text given to {@code compile}, in order. */
    final List<String> compiled = new CopyOnWriteArrayList<>();

    private RecordingPlugin(WorkflowCompilerPlugin real, boolean cacheable) {
        this.real = real;
        this.cacheable = cacheable;
    }

    static RecordingPlugin yaml() {
        return new RecordingPlugin(new YamlCompilerPlugin(), true);
    }

    static RecordingPlugin yaml(java.util.Map<String, ?> options) {
        return new RecordingPlugin(new YamlCompilerPlugin(options), true);
    }

    /** The same plugin, but its {@code getCacheKey} says "do not cache" ({@code null}). */
    static RecordingPlugin uncached(RecordingPlugin plugin) {
        return new RecordingPlugin(plugin.real, false);
    }

    static RecordingPlugin json() {
        return new RecordingPlugin(new JsonCompilerPlugin(), true);
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        compiled.add(source);
        return real.compile(source, workflowName, validate);
    }

    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        compiled.add(text);
        return real.compileText(text, sourceName, workflowName, validate);
    }

    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        return real.workflowNamesInText(text, sourceName);
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
        return cacheable ? real.getCacheKey(source) : null;
    }
}
