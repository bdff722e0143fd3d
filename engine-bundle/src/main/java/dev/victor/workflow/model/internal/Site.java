package dev.victor.workflow.model.internal;

import dev.victor.workflow.format.SourcePosition;

/**
 * Where a problem is: the tree path as written ({@code workflows.build.nodes[2].next}) and the
 * position in the source.
 */
public record Site(String path, SourcePosition position) {
    public Site {
        if (position == null) {
            position = SourcePosition.UNKNOWN;
        }
    }
}
