package dev.victor.workflow.agent.internal;

import dev.victor.workflow.api.TokenUsage;

import java.util.List;

/**
 * One answer of the model.
 *
 * @param text       its text ({@code ""} when it only called tools)
 * @param toolCalls  the tools it asked for, in order
 * @param usage      the tokens it took
 * @param stopReason why it stopped, as the endpoint said it ({@code stop}, {@code end_turn}, {@code tool_calls}, ...)
 */
record ModelTurn(String text, List<ToolCall> toolCalls, TokenUsage usage, String stopReason) {
    ModelTurn {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
