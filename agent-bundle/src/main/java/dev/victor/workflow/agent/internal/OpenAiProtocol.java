package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.api.TokenUsage;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * OpenAI's {@code /chat/completions}, as OpenAI, Ollama, vLLM, LM Studio and llama.cpp serve it, and Azure OpenAI
 * (the key in an {@code api-key} header, the {@code api-version} in the query).
 */
final class OpenAiProtocol implements Protocol {
    private final boolean azure;
    private final String apiVersion;

    /** OpenAI's own form: the key as {@code Authorization: Bearer}. */
    OpenAiProtocol() {
        this(false, null);
    }

    /**
     * @param azure      the key goes in an {@code api-key} header
     * @param apiVersion the {@code api-version} query parameter, or {@code null} or empty for none
     */
    OpenAiProtocol(boolean azure, String apiVersion) {
        this.azure = azure;
        this.apiVersion = apiVersion == null || apiVersion.isEmpty() ? null : apiVersion;
    }

    @Override
    public String path() {
        return "/chat/completions" + (apiVersion == null ? "" : "?api-version=" + apiVersion);
    }

    @Override
    public void headers(HttpRequest.Builder request, String apiKey) {
        if (apiKey != null) {
            if (azure) {
                request.header("api-key", apiKey);
            } else {
                request.header("Authorization", "Bearer " + apiKey);
            }
        }
    }

    @Override
    public ObjectNode body(ModelRequest request) {
        ObjectNode body = Json.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        for (Message message : request.messages()) {
            write(messages, message);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (AgentTool tool : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.name()).put("description", tool.description());
                function.set("parameters", Json.toNode(tool.parameters()));
            }
            body.put("tool_choice", request.toolsAllowed() ? "auto" : "none");
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxTokens() > 0) {
            body.put("max_tokens", request.maxTokens());
        }
        if (request.schema() != null) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema").put("name", "output");
            schema.set("schema", Json.toNode(request.schema()));
        } else if (request.jsonMode()) {
            body.putObject("response_format").put("type", "json_object");
        }
        if (request.stream()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private static void write(ArrayNode messages, Message message) {
        if (message instanceof Message.UserText user) {
            messages.addObject().put("role", "user").put("content", user.text());
        } else if (message instanceof Message.AssistantTurn turn) {
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            if (turn.text().isEmpty()) {
                assistant.putNull("content");
            } else {
                assistant.put("content", turn.text());
            }
            if (!turn.toolCalls().isEmpty()) {
                ArrayNode calls = assistant.putArray("tool_calls");
                for (ToolCall call : turn.toolCalls()) {
                    calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                            .put("name", call.name()).put("arguments", call.arguments());
                }
            }
        } else if (message instanceof Message.ToolResults results) {
            for (ToolResult result : results.results()) {
                messages.addObject().put("role", "tool").put("tool_call_id", result.callId())
                        .put("content", result.content());
            }
            if (results.note() != null) {
                messages.addObject().put("role", "user").put("content", results.note());
            }
        }
    }

    @Override
    public ModelTurn answer(JsonNode body) throws ProtocolException {
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new ProtocolException("the answer has no choices[0].message");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            String name = Protocol.text(function.path("name"));
            if (name.isEmpty()) {
                throw new ProtocolException("a tool call in the answer has no function name");
            }
            JsonNode arguments = function.path("arguments");
            calls.add(new ToolCall(Protocol.text(call.path("id")), name,
                    arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "{}" : arguments.toString()));
        }
        return new ModelTurn(Protocol.text(message.path("content")), calls, usage(body.path("usage")),
                Protocol.text(choice.path("finish_reason")));
    }

    private static TokenUsage usage(JsonNode usage) {
        return new TokenUsage(Math.max(0, usage.path("prompt_tokens").asLong(0)),
                Math.max(0, usage.path("completion_tokens").asLong(0)));
    }

    @Override
    public String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        String message = Protocol.text(error.path("message"));
        return message.isEmpty() ? null : message;
    }

    @Override
    public StreamAssembler assembler(Consumer<String> pieces) {
        return new Assembler(pieces);
    }

    /** Chunks with {@code choices[0].delta}; tool calls arrive in pieces keyed by their index; {@code [DONE]} ends. */
    private static final class Assembler implements StreamAssembler {
        private final Consumer<String> pieces;
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, String[]> calls = new TreeMap<>();
        private final Map<Integer, StringBuilder> arguments = new TreeMap<>();
        private TokenUsage usage = TokenUsage.NONE;
        private String finish = "";
        private boolean done;

        Assembler(Consumer<String> pieces) {
            this.pieces = pieces;
        }

        @Override
        public void event(String name, String data) throws ProtocolException {
            if (data.strip().equals("[DONE]")) {
                done = true;
                return;
            }
            JsonNode chunk = Protocol.parseEvent(data);
            if (chunk.has("error")) {
                String message = Protocol.text(chunk.path("error").path("message"));
                throw new ProtocolException("the stream reported an error: " + (message.isEmpty() ? "(no message)" : message));
            }
            if (chunk.path("usage").isObject()) {
                usage = usage(chunk.path("usage"));
            }
            JsonNode choice = chunk.path("choices").path(0);
            if (!choice.isObject()) {
                return;
            }
            JsonNode delta = choice.path("delta");
            String piece = Protocol.text(delta.path("content"));
            if (!piece.isEmpty()) {
                text.append(piece);
                pieces.accept(piece);
            }
            for (JsonNode call : delta.path("tool_calls")) {
                int index = call.path("index").asInt(calls.size());
                String[] known = calls.computeIfAbsent(index, i -> new String[]{"", ""});
                if (call.hasNonNull("id")) {
                    known[0] = call.get("id").asText();
                }
                JsonNode function = call.path("function");
                if (function.hasNonNull("name")) {
                    known[1] = known[1] + function.get("name").asText();
                }
                arguments.computeIfAbsent(index, i -> new StringBuilder()).append(Protocol.text(function.path("arguments")));
            }
            if (choice.hasNonNull("finish_reason")) {
                finish = choice.get("finish_reason").asText();
            }
        }

        @Override
        public ModelTurn finish() throws ProtocolException {
            if (!done) {
                throw new ProtocolException("the stream ended before its [DONE] event");
            }
            List<ToolCall> toolCalls = new ArrayList<>();
            for (Map.Entry<Integer, String[]> call : calls.entrySet()) {
                if (call.getValue()[1].isEmpty()) {
                    throw new ProtocolException("a streamed tool call has no function name");
                }
                String args = arguments.getOrDefault(call.getKey(), new StringBuilder()).toString();
                toolCalls.add(new ToolCall(call.getValue()[0], call.getValue()[1], args.isEmpty() ? "{}" : args));
            }
            return new ModelTurn(text.toString(), toolCalls, usage, finish);
        }
    }
}
