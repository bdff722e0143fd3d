package dev.victor.workflow.agent.internal;

import dev.victor.workflow.agent.AgentTool;

import java.util.List;
import java.util.Map;

/**
 * One request to the model.
 *
 * @param model        the model
 * @param system       the system prompt
 * @param messages     the conversation so far
 * @param tools        the tools offered (empty: none)
 * @param toolsAllowed false once the tool budget is spent: the tools stay described (the history
 *                     quotes them) but the model is told it must not call them
 * @param temperature  or {@code null}
 * @param maxTokens    or 0 for none
 * @param schema       the JSON Schema the answer must follow, or {@code null}
 * @param jsonMode     the answer must be a JSON object
 * @param stream       ask for server-sent events
 */
record ModelRequest(String model, String system, List<Message> messages, List<AgentTool> tools, boolean toolsAllowed,
                    Double temperature, int maxTokens, Map<String, Object> schema, boolean jsonMode, boolean stream) {
    ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
