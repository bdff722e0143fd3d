package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import dev.victor.workflow.expr.Expression;

import java.util.List;
import java.util.stream.Collectors;

/** Shared helpers of the reader tests. */
final class Fixtures {
    static final String SOURCE = "test.yaml";

    private Fixtures() {
    }

    static WorkflowDocument read(Object marked) {
        return read(ReaderOptions.defaults(), marked, true);
    }

    static WorkflowDocument read(ReaderOptions options, Object marked) {
        return read(options, marked, true);
    }

    static WorkflowDocument read(ReaderOptions options, Object marked, boolean validate) {
        Tree.Located located = Tree.locate(marked);
        return new WorkflowReader(options).read(located.tree(), located.positions(), SOURCE, validate);
    }

    static List<Problem> errors(WorkflowDocument document) {
        return document.problems().stream().filter(Problem::isError).toList();
    }

    static List<Problem> warnings(WorkflowDocument document) {
        return document.problems().stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** The only problem whose message contains {@code text}; fails when there is not exactly one. */
    static Problem only(WorkflowDocument document, String text) {
        List<Problem> found = document.problems().stream().filter(p -> p.message().contains(text)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one problem containing \"" + text + "\", found " + found.size()
                    + ":\n" + describe(document.problems()));
        }
        return found.get(0);
    }

    static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    static WorkflowDefinition single(WorkflowDocument document) {
        if (document.workflows().size() != 1) {
            throw new AssertionError("expected one readable workflow:\n" + describe(document.problems()));
        }
        return document.workflows().get(0);
    }

    static NodeDefinition node(WorkflowDefinition workflow, String id) {
        return workflow.node(id).orElseThrow(() -> new AssertionError("no node " + id));
    }

    /** True once the expression language is in (the stub throws UnsupportedOperationException). */
    static boolean expressionsAvailable() {
        try {
            Expression.parse("1");
            return true;
        } catch (UnsupportedOperationException notYet) {
            return false;
        } catch (RuntimeException other) {
            return true;
        }
    }
}
