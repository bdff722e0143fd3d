package dev.victor.workflow.agent.internal;

/** The answer to one tool call; {@code error} marks a failed or refused call. */
record ToolResult(String callId, String name, String content, boolean error) {
}
