package dev.victor.workflow.model.internal;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.Severity;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.format.SourcePositions;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one workflow (or of the document), located by tree path. */
final class Scope {
    final String source;
    final String workflow;
    final SourcePositions positions;
    final boolean semantic;
    final boolean strict;
    final List<Problem> problems = new ArrayList<>();

    Scope(String source, String workflow, SourcePositions positions, boolean semantic, boolean strict) {
        this.source = source;
        this.workflow = workflow;
        this.positions = positions;
        this.semantic = semantic;
        this.strict = strict;
    }

    SourcePosition position(List<Object> path) {
        SourcePosition position = positions.valueAt(path);
        return position == null ? SourcePosition.UNKNOWN : position;
    }

    SourcePosition keyPosition(List<Object> path) {
        SourcePosition position = positions.keyAt(path);
        return position == null || !position.isKnown() ? position(path) : position;
    }

    Site at(List<Object> path) {
        return Site.located(path, this::position);
    }

    Site atKey(List<Object> path) {
        return Site.located(path, this::keyPosition);
    }

    void add(Severity severity, Site site, String node, String message) {
        SourcePosition position = site.position();
        problems.add(new Problem(severity, message, source, workflow, node, site.path(),
                position.line(), position.column()));
    }

    void error(List<Object> path, String node, String message) {
        add(Severity.ERROR, at(path), node, message);
    }

    void errorAtKey(List<Object> path, String node, String message) {
        add(Severity.ERROR, atKey(path), node, message);
    }

    /** A warning that is always reported (reading facts such as a converted id). */
    void warning(List<Object> path, String node, String message) {
        add(Severity.WARNING, at(path), node, message);
    }

    /** A warning of the semantic checks: reported only when validating. */
    void check(List<Object> path, String node, String message) {
        if (semantic) {
            add(Severity.WARNING, at(path), node, message);
        }
    }

    void checkAtKey(List<Object> path, String node, String message) {
        if (semantic) {
            add(Severity.WARNING, atKey(path), node, message);
        }
    }

    /** An unknown key: an error in strict mode, else a warning when validating. */
    void unknownKey(List<Object> path, String node, String message) {
        if (strict) {
            errorAtKey(path, node, message);
        } else {
            checkAtKey(path, node, message);
        }
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
