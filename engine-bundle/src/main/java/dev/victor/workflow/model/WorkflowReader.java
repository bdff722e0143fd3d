package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePositions;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.model.internal.DocumentReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads the tree a YAML or JSON parser produces (maps, lists, strings, booleans, numbers,
 * null) into workflow definitions, following the workflow format, and reports every problem at
 * once with its source, workflow, node, tree path, line and column.
 *
 * <p>Thread-safe: a reader holds only its options.
 */
public final class WorkflowReader {
    private static final Comparator<Problem> SOURCE_ORDER = Comparator
            .comparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    private final ReaderOptions options;
    private final WorkflowValidator validator;

    public WorkflowReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.validator = new WorkflowValidator(options);
    }

    /** A reader with {@link ReaderOptions#defaults()}. */
    public WorkflowReader() {
        this(ReaderOptions.defaults());
    }

    public ReaderOptions options() {
        return options;
    }

    /** Reads and validates. */
    public WorkflowDocument read(Object tree, SourcePositions positions, String sourceName) {
        return read(tree, positions, sourceName, true);
    }

    /**
     * Reads a document.
     *
     * @param tree       the parsed document
     * @param positions  where the parser saw each value; {@code null} when unknown. Path segments
     *                   are String keys (non-string YAML keys as their text, e.g. {@code "true"})
     *                   and Integer list indices
     * @param sourceName the file or URI, for the problems; may be {@code null}
     * @param validate   false skips the semantic checks that only warn and the reachability
     *                   check; errors (anything that makes the graph impossible) are always reported
     * @return the workflows without errors, every declared name, and every problem in source order
     */
    public WorkflowDocument read(Object tree, SourcePositions positions, String sourceName, boolean validate) {
        DocumentReader.Result result = new DocumentReader(options, positions, sourceName, validate).read(tree);
        List<Problem> problems = new ArrayList<>(result.problems());
        List<WorkflowDefinition> workflows = new ArrayList<>();
        for (DocumentReader.ReadWorkflow read : result.workflows()) {
            List<Problem> found = new ArrayList<>(read.problems());
            if (read.definition() != null) {
                found.addAll(validator.validate(read.definition(), validate, read.locator()));
            }
            problems.addAll(found);
            if (read.definition() != null && found.stream().noneMatch(Problem::isError)) {
                workflows.add(read.definition());
            }
        }
        problems.sort(SOURCE_ORDER);
        return new WorkflowDocument(sourceName, workflows, result.names(), problems);
    }
}
