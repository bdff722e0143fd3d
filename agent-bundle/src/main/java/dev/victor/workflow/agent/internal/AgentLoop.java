package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.api.TokenUsage;
import dev.victor.workflow.spi.AgentListener;
import dev.victor.workflow.spi.AgentTask;
import dev.victor.workflow.spi.NodeCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one agent task: the role and goal become the messages, the node's tools are offered, the
 * model's tool calls run until it answers. The tool budget rule: every call the model asks for counts
 * (an unknown tool or bad arguments too); once the budget is spent, further calls are not run and
 * the model is asked once more, with tools switched off, for its final answer; a model that still
 * asks for a tool fails the node.
 */
public final class AgentLoop {
    /** Longest tool result handed to the model; longer ones are cut with a note. */
    public static final int MAX_TOOL_RESULT_CHARS = 100_000;

    /** What a task cost. */
    public record Outcome(Object answer, TokenUsage usage, int modelCalls, int toolCalls) {
    }

    private final Supplier<Map<String, LlmEndpoint>> endpoints;
    private final Function<String, Optional<AgentTool>> tools;
    private final ChatClient client;

    AgentLoop(Supplier<Map<String, LlmEndpoint>> endpoints, Function<String, Optional<AgentTool>> tools,
              ChatClient client) {
        this.endpoints = endpoints;
        this.tools = tools;
        this.client = client;
    }

    /** A loop with the JDK's HTTP client. */
    public static AgentLoop create(Supplier<Map<String, LlmEndpoint>> endpoints,
                                   Function<String, Optional<AgentTool>> tools) {
        return new AgentLoop(endpoints, tools, ChatClient.create());
    }

    static String what(AgentTask task) {
        return task.memberId() == null
                ? "agent node '" + task.nodeId() + "'"
                : "team node '" + task.nodeId() + "' (member '" + task.memberId() + "')";
    }

    public Outcome run(AgentTask task) throws Exception {
        String what = what(task);
        TaskSettings settings = TaskSettings.of(task.llmConfig(), what);
        LlmEndpoint endpoint = endpoint(settings, what);
        List<AgentTool> offered = task.toolBudget() > 0 ? resolveTools(task.tools(), what) : List.of();
        List<Message> messages = new ArrayList<>();
        messages.add(new Message.UserText(Prompts.user(task)));
        String system = Prompts.system(task, settings, offered);
        String model = settings.model() != null ? settings.model() : endpoint.model();
        int maxTokens = settings.maxTokens() != null ? settings.maxTokens() : endpoint.maxTokens();
        AgentListener listener = task.listener();
        boolean stream = endpoint.stream() || listener.streaming();
        int used = 0;
        int calls = 0;
        TokenUsage usage = TokenUsage.NONE;
        boolean toolsAllowed = !offered.isEmpty();
        while (true) {
            ModelRequest request = new ModelRequest(model, system, messages, offered, toolsAllowed,
                    settings.temperature(), maxTokens, settings.schema(), settings.jsonMode(), stream);
            ModelTurn turn;
            try {
                turn = client.complete(endpoint, request, listener::token);
            } catch (LlmException failed) {
                throw new IllegalStateException(what + ": " + failed.getMessage(), failed);
            }
            calls++;
            usage = usage.plus(turn.usage());
            if (!turn.usage().isEmpty()) {
                listener.usage(turn.usage());
            }
            if (turn.toolCalls().isEmpty()) {
                return new Outcome(answer(turn.text(), settings, what), usage, calls, used);
            }
            if (!toolsAllowed) {
                throw new IllegalStateException(what + ": the model asked for a tool after its tool_budget ("
                        + task.toolBudget() + " calls) was spent" + (offered.isEmpty() ? " (no tools are offered)" : ""));
            }
            messages.add(new Message.AssistantTurn(turn.text(), turn.toolCalls()));
            List<ToolResult> results = new ArrayList<>();
            for (ToolCall call : turn.toolCalls()) {
                if (used >= task.toolBudget()) {
                    results.add(new ToolResult(call.id(), call.name(), "Not run: the tool budget of "
                            + task.toolBudget() + " calls is spent.", true));
                    continue;
                }
                used++;
                results.add(call(call, offered, task));
            }
            String note = null;
            if (used >= task.toolBudget()) {
                toolsAllowed = false;
                note = "The tool budget of " + task.toolBudget() + " calls is spent: no further tool call will run."
                        + " Give your final answer now.";
            }
            messages.add(new Message.ToolResults(results, note));
        }
    }

    private LlmEndpoint endpoint(TaskSettings settings, String what) {
        Map<String, LlmEndpoint> known = endpoints.get();
        if (settings.endpoint() != null) {
            LlmEndpoint named = known.get(settings.endpoint());
            if (named == null) {
                throw new IllegalStateException(what + ": llm_config.provider names the LLM endpoint '"
                        + settings.endpoint() + "', which is not configured (configured: " + new TreeSet<>(known.keySet())
                        + ")");
            }
            return named;
        }
        LlmEndpoint fallback = known.get(LlmEndpoint.DEFAULT_NAME);
        if (fallback != null) {
            return fallback;
        }
        if (known.size() == 1) {
            return known.values().iterator().next();
        }
        throw new IllegalStateException(what + ": " + (known.isEmpty() ? "no LLM endpoint is configured"
                : "no LLM endpoint is named 'default' and llm_config.provider names none (configured: "
                + new TreeSet<>(known.keySet()) + ")"));
    }

    private List<AgentTool> resolveTools(List<String> names, String what) {
        List<AgentTool> resolved = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Optional<AgentTool> tool = tools.apply(name);
            if (tool.isPresent()) {
                if (resolved.stream().noneMatch(t -> t.name().equals(name))) {
                    resolved.add(tool.get());
                }
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(what + ": " + (missing.size() == 1 ? "the tool " : "the tools ")
                    + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
                    + (missing.size() == 1 ? " is" : " are") + " not installed");
        }
        return resolved;
    }

    private static ToolResult call(ToolCall call, List<AgentTool> offered, AgentTask task) throws InterruptedException {
        Optional<AgentTool> tool = offered.stream().filter(t -> t.name().equals(call.name())).findFirst();
        if (tool.isEmpty()) {
            return new ToolResult(call.id(), call.name(), "Error: there is no tool named '" + call.name()
                    + "'. The tools are: " + String.join(", ", offered.stream().map(AgentTool::name).toList()) + ".",
                    true);
        }
        Map<String, Object> arguments;
        try {
            JsonNode parsed = Json.parse(call.arguments().isBlank() ? "{}" : call.arguments());
            if (!parsed.isObject()) {
                return new ToolResult(call.id(), call.name(), "Error: the arguments must be a JSON object.", true);
            }
            arguments = Json.toMap(parsed);
        } catch (JsonProcessingException e) {
            return new ToolResult(call.id(), call.name(), "Error: the arguments are not JSON (" + Json.where(e) + ").",
                    true);
        }
        try {
            Object result = tool.get().tool().call(new NodeCall(task.workflow(), task.nodeId(), null, arguments,
                    task.state(), Map.of("tool_call_id", call.id() == null ? "" : call.id())));
            return new ToolResult(call.id(), call.name(), cap(render(result)), false);
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (Exception failed) {
            String message = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            return new ToolResult(call.id(), call.name(), "Error: " + cap(message), true);
        }
    }

    private static String render(Object result) {
        if (result == null) {
            return "null";
        }
        return result instanceof String text ? text : Json.write(result);
    }

    private static String cap(String text) {
        if (text.length() <= MAX_TOOL_RESULT_CHARS) {
            return text;
        }
        return text.substring(0, MAX_TOOL_RESULT_CHARS) + "\n[cut: the result is longer than " + MAX_TOOL_RESULT_CHARS
                + " characters]";
    }

    private static Object answer(String text, TaskSettings settings, String what) {
        if (!settings.structured()) {
            return text;
        }
        try {
            return StructuredAnswer.read(text, settings.schema());
        } catch (IllegalArgumentException wrong) {
            throw new IllegalStateException(what + ": " + wrong.getMessage(), wrong);
        }
    }
}
