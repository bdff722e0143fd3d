package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.engine.internal.DefinitionTranslator;
import dev.victor.workflow.model.WorkflowDefinition;

import java.util.List;
import java.util.Objects;

/**
 * Turns a workflow definition (as the reader produced it) into an executable graph. Every node
 * type becomes the same internal representation the {@link GraphBuilder} produces. Thread-safe.
 */
public final class DefinitionCompiler {
    private final EngineOptions options;

    public DefinitionCompiler() {
        this(EngineOptions.defaults());
    }

    public DefinitionCompiler(EngineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public EngineOptions options() {
        return options;
    }

    /**
     * @throws InvalidWorkflowException when a reference does not resolve (a next, branch, child
     *                                  or entry that names no node, an edge into a parallel
     *                                  node's child, a duplicate id, ...); every problem is listed
     */
    public CompiledGraph compile(WorkflowDefinition definition) {
        return DefinitionTranslator.compile(definition, options);
    }

    /**
     * Compiles as {@link #compile(WorkflowDefinition)} does, keeping the warnings the reader found
     * with the graph (see {@link CompiledGraph#warnings()}).
     *
     * @param readerWarnings warnings only; an error among them is refused
     */
    public CompiledGraph compile(WorkflowDefinition definition, List<Problem> readerWarnings) {
        return DefinitionTranslator.compile(definition, readerWarnings, options);
    }

    /**
     * Compiles as {@link #compile(WorkflowDefinition, List)} does; the graph's
     * {@link CompiledGraph#fingerprint()} is the given one, recorded with its runs' checkpoints.
     */
    public CompiledGraph compile(WorkflowDefinition definition, List<Problem> readerWarnings, String fingerprint) {
        return DefinitionTranslator.compile(definition, readerWarnings, fingerprint, options);
    }
}
