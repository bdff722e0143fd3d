package dev.victor.workflow.api;

/**
 * A resume refused because the workflow is no longer the definition the paused run was compiled
 * from (its fingerprint, or the compiler's version, differs). Resuming with
 * {@link ResumeOptions#migrate()} continues on the new definition when the paused node still
 * exists there. The thread keeps waiting, its checkpoint untouched.
 */
public class DefinitionChangedException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String threadId;

    public DefinitionChangedException(String threadId, String message) {
        super(message);
        this.threadId = threadId;
    }

    public String threadId() {
        return threadId;
    }
}
