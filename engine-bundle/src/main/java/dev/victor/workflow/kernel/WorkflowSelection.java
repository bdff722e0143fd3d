package dev.victor.workflow.kernel;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.model.WorkflowDefinition;
import dev.victor.workflow.model.WorkflowDocument;

import java.util.List;

/**
 * The workflow a compile asked for, and the problems that concern it (the document's own and
 * the workflow's).
 */
record WorkflowSelection(WorkflowDefinition definition, List<Problem> problems) {

    static WorkflowSelection of(WorkflowDocument document, String workflowName) {
        String where = document.source() == null ? "the source" : "'" + document.source() + "'";
        List<String> names = document.names();
        String name = workflowName;
        if (name == null) {
            if (names.size() > 1) {
                throw new InvalidWorkflowException(where + " holds several workflows: "
                        + String.join(", ", names) + ". Name the one to compile.", documentErrors(document));
            }
            if (names.isEmpty()) {
                throw new InvalidWorkflowException("No workflow in " + where, document.problems());
            }
            name = names.get(0);
        } else if (!names.contains(name)) {
            throw new InvalidWorkflowException("Workflow '" + name + "' not found in " + where
                    + ". Workflows there: " + (names.isEmpty() ? "(none)" : String.join(", ", names)),
                    documentErrors(document));
        }
        String chosen = name;
        List<Problem> problems = document.problems().stream()
                .filter(problem -> problem.workflow() == null || problem.workflow().equals(chosen))
                .toList();
        WorkflowDefinition definition = document.workflows().stream()
                .filter(workflow -> workflow.name().equals(chosen))
                .findFirst().orElse(null);
        if (definition == null || problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidWorkflowException("Invalid workflow '" + chosen + "' in " + where, problems);
        }
        return new WorkflowSelection(definition, problems);
    }

    private static List<Problem> documentErrors(WorkflowDocument document) {
        return document.problems().stream().filter(problem -> problem.workflow() == null).toList();
    }
}
