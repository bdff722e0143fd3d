package dev.victor.workflow.model;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.model.internal.Site;

import java.util.ArrayList;
import java.util.List;

/** The problems one validation of one workflow has found so far, each at its site. */
final class Findings {
    private final WorkflowDefinition workflow;
    private final List<Problem> problems = new ArrayList<>();

    Findings(WorkflowDefinition workflow) {
        this.workflow = workflow;
    }

    void error(Site site, String node, String message) {
        add(Severity.ERROR, site, node, message);
    }

    void warning(Site site, String node, String message) {
        add(Severity.WARNING, site, node, message);
    }

    List<Problem> list() {
        return problems;
    }

    private void add(Severity severity, Site site, String node, String message) {
        SourcePosition position = site.position();
        problems.add(new Problem(severity, message, workflow.source(), workflow.name(), node, site.path(),
                position.line(), position.column()));
    }
}
