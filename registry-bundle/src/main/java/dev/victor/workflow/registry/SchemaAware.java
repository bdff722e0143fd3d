package dev.victor.workflow.registry;

/**
 * Optional for a plugin: publishes a JSON Schema of its source format and a way to read a source
 * into a tree (maps, lists, strings, numbers, booleans, null). When validation is on and the
 * registry has a {@link SchemaValidator}, the registry applies the schema to the tree before it
 * calls {@code validateSource} and {@code compile}; a tree that breaks the schema fails the
 * compile with the validator's problems (an {@link dev.victor.workflow.api.InvalidWorkflowException}).
 * Without a validator the schema is not applied.
 */
public interface SchemaAware {

    /** The JSON Schema (draft 2020-12) as text. */
    String jsonSchema();

    /**
     * The source read into a tree, without the plugin's own checks.
     *
     * @throws dev.victor.workflow.api.WorkflowException when the source cannot be read or parsed
     */
    Object parseTree(String source);
}
