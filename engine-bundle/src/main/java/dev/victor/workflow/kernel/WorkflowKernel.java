package dev.victor.workflow.kernel;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.engine.DefinitionCompiler;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.model.WorkflowDefinition;
import dev.victor.workflow.model.WorkflowDocument;
import dev.victor.workflow.model.WorkflowReader;

import java.util.List;
import java.util.Objects;

/**
 * What a compiler plugin calls once it has parsed its source: reads the tree, validates it,
 * selects the workflow and compiles it. Immutable and thread-safe.
 */
public final class WorkflowKernel {
    private final KernelOptions options;
    private final WorkflowReader reader;
    private final DefinitionCompiler compiler;

    public WorkflowKernel(KernelOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.reader = new WorkflowReader(options.reader());
        this.compiler = new DefinitionCompiler(options.engine());
    }

    public static WorkflowKernel defaults() {
        return new WorkflowKernel(KernelOptions.defaults());
    }

    public KernelOptions options() {
        return options;
    }

    /** Reads every workflow of a tree, with every problem found. Never throws for bad content. */
    public WorkflowDocument read(Object tree, SourcePositions positions, String sourceName, boolean validate) {
        return reader.read(tree, positions, sourceName, validate);
    }

    /**
     * Reads, validates, selects and compiles one workflow.
     *
     * @param workflowName the workflow to compile; {@code null} when the source holds exactly one
     * @throws InvalidWorkflowException with every problem of the document and of the chosen
     *                                  workflow, when any of them is an error, or when the name
     *                                  does not select exactly one workflow
     */
    public CompiledGraph compile(Object tree, SourcePositions positions, String sourceName,
                                 String workflowName, boolean validate) {
        return compile(read(tree, positions, sourceName, validate), tree, workflowName);
    }

    /**
     * Selects and compiles one workflow of a document this kernel has {@linkplain #read read}, so
     * that every workflow of a document can be compiled from one parse and one read.
     *
     * @param document     what {@link #read} made of the tree
     * @param tree         the tree it was read from (the graph's fingerprint is its hash)
     * @param workflowName the workflow to compile; {@code null} when the document holds exactly one
     * @throws InvalidWorkflowException as {@link #compile(Object, SourcePositions, String, String, boolean)}
     */
    public CompiledGraph compile(WorkflowDocument document, Object tree, String workflowName) {
        WorkflowSelection selection = WorkflowSelection.of(document, workflowName);
        List<Problem> warnings = selection.problems().stream().filter(problem -> !problem.isError()).toList();
        return compiler.compile(selection.definition(), warnings,
                TreeFingerprint.of(tree, selection.definition().name()));
    }

    /** Compiles a definition built in code, after validating it. */
    public CompiledGraph compile(WorkflowDefinition definition) {
        List<Problem> problems = new dev.victor.workflow.model.WorkflowValidator(options.reader()).validate(definition);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidWorkflowException("Invalid workflow '" + definition.name() + "'", problems);
        }
        return compile(definition, problems);
    }

    private CompiledGraph compile(WorkflowDefinition definition, List<Problem> problems) {
        List<Problem> warnings = problems.stream().filter(problem -> !problem.isError()).toList();
        return compiler.compile(definition, warnings);
    }
}
