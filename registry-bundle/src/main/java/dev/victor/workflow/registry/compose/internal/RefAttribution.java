package dev.victor.workflow.registry.compose.internal;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.format.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts problems found in a node that came from a {@code $ref} into the referenced file: their line
 * and column already point there (the positions were spliced in), so the source is changed to that
 * file and the message says so. Keys written next to the {@code $ref} stay in the referencing file.
 */
public final class RefAttribution {
    private final List<RefExpander.Origin> origins;
    private final String sourceName;

    public RefAttribution(List<RefExpander.Origin> origins, String sourceName) {
        this.origins = origins;
        this.sourceName = sourceName;
    }

    public boolean isEmpty() {
        return origins.isEmpty();
    }

    public List<Problem> attribute(List<Problem> problems) {
        if (origins.isEmpty()) {
            return problems;
        }
        List<Problem> result = new ArrayList<>(problems.size());
        for (Problem problem : problems) {
            result.add(attribute(problem));
        }
        return result;
    }

    Problem attribute(Problem problem) {
        for (RefExpander.Origin origin : origins) {
            if (problem.node() == null || !problem.node().equals(origin.nodeId())
                    || problem.workflow() != null && !problem.workflow().equals(origin.workflow())) {
                continue;
            }
            if (inLibrary(problem, origin)) {
                String where = origin.refPosition().isKnown()
                        ? " at line " + origin.refPosition().line() + (sourceName == null ? "" : " of " + sourceName)
                        : (sourceName == null ? "" : " in " + sourceName);
                String message = problem.message() + " (the line and column are in " + origin.libraryName()
                        + ", which this node reuses through the $ref" + where + ")";
                return new Problem(problem.severity(), message, origin.libraryName(), problem.workflow(),
                        problem.node(), problem.path(), problem.line(), problem.column());
            }
        }
        return problem;
    }

    /**
     * Whether the problem is about the part of the node that came from the library: by the key its
     * path names, else by its position (a recorded library position, or a line only the library
     * part occupies), else, when nothing was written next to the {@code $ref}, always.
     */
    static boolean inLibrary(Problem problem, RefExpander.Origin origin) {
        String path = problem.path();
        if (path != null) {
            String marker = "nodes[" + origin.index() + "]";
            int at = path.indexOf(marker);
            if (at >= 0) {
                String rest = path.substring(at + marker.length());
                if (rest.startsWith(".")) {
                    String key = rest.substring(1).split("[.\\[]", 2)[0];
                    return !origin.localKeys().contains(key);
                }
            }
        }
        if (origin.localKeys().isEmpty()) {
            return true;
        }
        if (problem.line() <= 0) {
            return false;
        }
        SourcePosition at = new SourcePosition(problem.line(), problem.column());
        if (origin.localPositions().contains(at)) {
            return false;
        }
        if (origin.libraryPositions().contains(at)) {
            return true;
        }
        boolean libraryLine = origin.libraryPositions().stream().anyMatch(p -> p.line() == problem.line());
        boolean localLine = origin.localPositions().stream().anyMatch(p -> p.line() == problem.line());
        return libraryLine && !localLine;
    }
}
