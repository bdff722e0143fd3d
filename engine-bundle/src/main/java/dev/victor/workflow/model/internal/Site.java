package dev.victor.workflow.model.internal;

import dev.victor.workflow.format.SourcePosition;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a problem is: the tree path as written ({@code workflows.build.nodes[2].next}) and the
 * position in the source. Both are worked out only when asked, that is when a problem is
 * reported there: the validator makes a site for every edge it checks, and most have none.
 */
public final class Site {
    private final List<Object> treePath;
    private final Function<List<Object>, SourcePosition> locate;

    private Site(List<Object> treePath, Function<List<Object>, SourcePosition> locate) {
        this.treePath = Objects.requireNonNull(treePath, "treePath");
        this.locate = Objects.requireNonNull(locate, "locate");
    }

    /** A site whose position is known already ({@code null}: unknown). */
    public static Site of(List<Object> treePath, SourcePosition position) {
        return new Site(treePath, path -> position);
    }

    /** A site whose position is looked up (by its tree path) only when asked. */
    public static Site located(List<Object> treePath, Function<List<Object>, SourcePosition> locate) {
        return new Site(treePath, locate);
    }

    /** The tree path as written. */
    public String path() {
        return Paths.format(treePath);
    }

    /** The position in the source, {@link SourcePosition#UNKNOWN} when not known. */
    public SourcePosition position() {
        SourcePosition position = locate.apply(treePath);
        return position == null ? SourcePosition.UNKNOWN : position;
    }

    @Override
    public String toString() {
        return path() + " at " + position();
    }
}
