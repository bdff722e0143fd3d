package dev.victor.workflow.source;

import dev.victor.workflow.api.WorkflowException;

import org.osgi.annotation.versioning.ConsumerType;

/** Reads the document a {@code $ref} names, relative to the document that holds it. */
@ConsumerType
@FunctionalInterface
public interface ReferenceResolver {

    /** For documents that may not refer to others: every reference is refused. */
    ReferenceResolver NONE = reference -> {
        throw new WorkflowException("'$ref: " + reference + "' is not allowed here: a fetched document cannot"
                + " refer to other documents");
    };

    /**
     * @param reference the {@code $ref} value as written (a relative or absolute path, without any
     *                  {@code #fragment})
     * @throws WorkflowException when the target is refused, missing or unreadable
     */
    SourceDocument resolve(String reference);
}
