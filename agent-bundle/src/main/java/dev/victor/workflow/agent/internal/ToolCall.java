package dev.victor.workflow.agent.internal;

/**
 * A tool call the model asked for.
 *
 * @param id        the id the answer must quote
 * @param name      the tool's name
 * @param arguments the arguments as JSON text (an object, if the model behaves)
 */
record ToolCall(String id, String name, String arguments) {
}
