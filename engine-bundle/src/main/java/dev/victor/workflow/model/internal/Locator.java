package dev.victor.workflow.model.internal;

/**
 * Tells the validator where the parts of a workflow are. Node indices are positions in
 * {@code WorkflowDefinition.nodes()}. Field names are the logical names of the format
 * ({@code timeout} whether {@code timeout} or {@code timeout_seconds} was written).
 */
public interface Locator {

    /** The workflow as a whole. */
    Site workflow();

    /** A workflow key such as {@code start_node} or {@code max_iterations}; the workflow when not written. */
    Site workflowField(String key);

    /** The node as a whole. */
    Site node(int index);

    /** A field of a node; the node when the field is not written. */
    Site field(int index, String field);

    /** The written place of {@code next().get(position)}. */
    Site nextTarget(int index, int position);

    /** The target of the branch with this label. */
    Site branch(int index, String label);

    /** The condition's default target. */
    Site defaultTarget(int index);

    /** The written place of {@code children().get(position)} of a parallel node. */
    Site child(int index, int position);

    /** True when the reader already reported an error about this field (so the validator keeps quiet). */
    boolean reported(int index, String field);

    /** True when the reader already reported an error about this workflow key. */
    boolean reportedWorkflow(String key);
}
