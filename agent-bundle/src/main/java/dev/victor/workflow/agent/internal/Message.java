package dev.victor.workflow.agent.internal;

import java.util.List;

/** One turn of the conversation, in a form both protocols can write. */
sealed interface Message {

    /** What the user (the workflow) says. */
    record UserText(String text) implements Message {
    }

    /** What the model answered: text and/or tool calls. */
    record AssistantTurn(String text, List<ToolCall> toolCalls) implements Message {
        public AssistantTurn {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The results of the model's tool calls, and optionally a note from the runtime after them. */
    record ToolResults(List<ToolResult> results, String note) implements Message {
        public ToolResults {
            results = List.copyOf(results);
        }
    }
}
