package dev.victor.workflow.registry;

import java.util.List;

/**
 * Optional for a plugin: lists the workflows a source holds, so that the registry (and the
 * {@code workflow:compile} and {@code workflow:validate} commands) can compile each of them when
 * no workflow name is given. A plugin without it is compiled once with no workflow name.
 */
public interface WorkflowCatalog {

    /**
     * The names of the workflows in the source, in document order.
     *
     * @throws dev.victor.workflow.api.WorkflowException as {@code compile} would for an unreadable source
     */
    List<String> workflowNames(String source);
}
