package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.victor.workflow.agent.AgentTool;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.api.TokenUsage;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Anthropic's Messages API, {@code /messages}. */
final class AnthropicProtocol implements Protocol {
    static final String VERSION = "2023-06-01";

    @Override
    public String path() {
        return "/messages";
    }

    @Override
    public void headers(HttpRequest.Builder request, String apiKey) {
        request.header("anthropic-version", VERSION);
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
    }

    @Override
    public ObjectNode body(ModelRequest request) {
        ObjectNode body = Json.object();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : LlmEndpoint.DEFAULT_MAX_TOKENS);
        body.put("system", request.system());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            write(messages, message);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (AgentTool tool : request.tools()) {
                ObjectNode entry = tools.addObject().put("name", tool.name()).put("description", tool.description());
                entry.set("input_schema", Json.toNode(tool.parameters()));
            }
            body.putObject("tool_choice").put("type", request.toolsAllowed() ? "auto" : "none");
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.stream()) {
            body.put("stream", true);
        }
        return body;
    }

    private static void write(ArrayNode messages, Message message) {
        if (message instanceof Message.UserText user) {
            messages.addObject().put("role", "user").putArray("content").addObject().put("type", "text")
                    .put("text", user.text());
        } else if (message instanceof Message.AssistantTurn turn) {
            ArrayNode content = messages.addObject().put("role", "assistant").putArray("content");
            if (!turn.text().isEmpty()) {
                content.addObject().put("type", "text").put("text", turn.text());
            }
            for (ToolCall call : turn.toolCalls()) {
                ObjectNode use = content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name());
                use.set("input", inputOf(call));
            }
        } else if (message instanceof Message.ToolResults results) {
            ArrayNode content = messages.addObject().put("role", "user").putArray("content");
            for (ToolResult result : results.results()) {
                content.addObject().put("type", "tool_result").put("tool_use_id", result.callId())
                        .put("content", result.content()).put("is_error", result.error());
            }
            if (results.note() != null) {
                content.addObject().put("type", "text").put("text", results.note());
            }
        }
    }

    /** The call's arguments as an object; arguments that were no object are sent back as an empty one. */
    private static JsonNode inputOf(ToolCall call) {
        try {
            JsonNode input = Json.parse(call.arguments());
            return input.isObject() ? input : Json.object();
        } catch (JsonProcessingException e) {
            return Json.object();
        }
    }

    @Override
    public ModelTurn answer(JsonNode body) throws ProtocolException {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            throw new ProtocolException("the answer has no content array");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            String type = Protocol.text(block.path("type"));
            if (type.equals("text")) {
                text.append(Protocol.text(block.path("text")));
            } else if (type.equals("tool_use")) {
                String name = Protocol.text(block.path("name"));
                if (name.isEmpty()) {
                    throw new ProtocolException("a tool_use block in the answer has no name");
                }
                JsonNode input = block.path("input");
                calls.add(new ToolCall(Protocol.text(block.path("id")), name,
                        input.isMissingNode() ? "{}" : input.toString()));
            }
        }
        return new ModelTurn(text.toString(), calls, usage(body.path("usage"), TokenUsage.NONE),
                Protocol.text(body.path("stop_reason")));
    }

    private static TokenUsage usage(JsonNode usage, TokenUsage before) {
        return new TokenUsage(Math.max(0, usage.path("input_tokens").asLong(before.inputTokens())),
                Math.max(0, usage.path("output_tokens").asLong(before.outputTokens())));
    }

    @Override
    public String errorMessage(JsonNode body) {
        String message = Protocol.text(body.path("error").path("message"));
        return message.isEmpty() ? null : message;
    }

    @Override
    public StreamAssembler assembler(Consumer<String> pieces) {
        return new Assembler(pieces);
    }

    /** message_start, content_block_start/delta/stop, message_delta, message_stop; ping is ignored. */
    private static final class Assembler implements StreamAssembler {
        private final Consumer<String> pieces;
        private final Map<Integer, String> types = new TreeMap<>();
        private final Map<Integer, StringBuilder> texts = new TreeMap<>();
        private final Map<Integer, String[]> uses = new TreeMap<>();
        private TokenUsage usage = TokenUsage.NONE;
        private String stop = "";
        private boolean done;

        Assembler(Consumer<String> pieces) {
            this.pieces = pieces;
        }

        @Override
        public void event(String name, String data) throws ProtocolException {
            JsonNode event = Protocol.parseEvent(data);
            String type = Protocol.text(event.path("type"));
            switch (type) {
                case "message_start" -> usage = usage(event.path("message").path("usage"), usage);
                case "content_block_start" -> {
                    int index = event.path("index").asInt();
                    JsonNode block = event.path("content_block");
                    String kind = Protocol.text(block.path("type"));
                    types.put(index, kind);
                    texts.put(index, new StringBuilder());
                    if (kind.equals("text")) {
                        String piece = Protocol.text(block.path("text"));
                        texts.get(index).append(piece);
                        if (!piece.isEmpty()) {
                            pieces.accept(piece);
                        }
                    } else if (kind.equals("tool_use")) {
                        JsonNode input = block.path("input");
                        uses.put(index, new String[]{Protocol.text(block.path("id")), Protocol.text(block.path("name")),
                                input.isObject() && input.size() > 0 ? input.toString() : ""});
                    }
                }
                case "content_block_delta" -> {
                    int index = event.path("index").asInt();
                    StringBuilder into = texts.get(index);
                    if (into == null) {
                        throw new ProtocolException("a content_block_delta for block " + index + ", which never started");
                    }
                    JsonNode delta = event.path("delta");
                    boolean json = Protocol.text(delta.path("type")).equals("input_json_delta");
                    String piece = Protocol.text(delta.path(json ? "partial_json" : "text"));
                    into.append(piece);
                    if (!json && "text".equals(types.get(index)) && !piece.isEmpty()) {
                        pieces.accept(piece);
                    }
                }
                case "message_delta" -> {
                    usage = usage(event.path("usage"), usage);
                    if (event.path("delta").hasNonNull("stop_reason")) {
                        stop = event.path("delta").get("stop_reason").asText();
                    }
                }
                case "message_stop" -> done = true;
                case "error" -> {
                    String message = Protocol.text(event.path("error").path("message"));
                    throw new ProtocolException("the stream reported an error: "
                            + (message.isEmpty() ? "(no message)" : message));
                }
                default -> {
                    // ping, content_block_stop and events added later carry nothing we need
                }
            }
        }

        @Override
        public ModelTurn finish() throws ProtocolException {
            if (!done) {
                throw new ProtocolException("the stream ended before its message_stop event");
            }
            StringBuilder text = new StringBuilder();
            List<ToolCall> calls = new ArrayList<>();
            for (Map.Entry<Integer, String> block : types.entrySet()) {
                String delta = texts.get(block.getKey()).toString();
                if (block.getValue().equals("text")) {
                    text.append(delta);
                } else if (block.getValue().equals("tool_use")) {
                    String[] use = uses.get(block.getKey());
                    if (use[1].isEmpty()) {
                        throw new ProtocolException("a streamed tool_use block has no name");
                    }
                    String arguments = !delta.isEmpty() ? delta : use[2].isEmpty() ? "{}" : use[2];
                    calls.add(new ToolCall(use[0], use[1], arguments));
                }
            }
            return new ModelTurn(text.toString(), calls, usage, stop);
        }
    }
}
