package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;

import java.util.List;

/**
 * Everything read from one source: its workflows and every problem found (not just the first).
 * A workflow with errors is left out of {@link #workflows()}; its problems are in {@link #problems()}.
 *
 * @param source    the file or URI, or {@code null}
 * @param workflows in document order
 * @param names     every workflow name the document declares, readable or not, in document order
 * @param problems  errors and warnings, in source order
 */
public record WorkflowDocument(String source, List<WorkflowDefinition> workflows, List<String> names,
                               List<Problem> problems) {
    public WorkflowDocument {
        workflows = List.copyOf(workflows);
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
