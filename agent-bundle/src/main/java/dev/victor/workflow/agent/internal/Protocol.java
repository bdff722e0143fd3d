package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;

/** A chat-completion wire protocol: how a request is written and an answer read. */
sealed interface Protocol permits OpenAiProtocol, AnthropicProtocol {

    /** The path after the endpoint's base URL. */
    String path();

    /** Adds the key (if any) and the protocol's own headers. */
    void headers(HttpRequest.Builder request, String apiKey);

    /** The request's JSON body. */
    ObjectNode body(ModelRequest request);

    /** Reads a whole (non-streamed) answer. */
    ModelTurn answer(JsonNode body) throws ProtocolException;

    /** A fresh reader of one streamed answer, which hands each piece of the answer's text to {@code pieces}. */
    StreamAssembler assembler(java.util.function.Consumer<String> pieces);

    /** The provider's own error message in an error body, or {@code null}. */
    String errorMessage(JsonNode body);

    /** Builds one answer from the events of a server-sent-events stream. Not thread-safe; one per answer. */
    interface StreamAssembler {
        /** One event: its {@code event:} name (or {@code null}) and its data. */
        void event(String name, String data) throws ProtocolException;

        /** The answer, once the stream ended; fails when it ended before the protocol's last event. */
        ModelTurn finish() throws ProtocolException;
    }

    /** Text of a node, or "" when absent or null. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "" : node.asText();
    }

    static JsonNode parseEvent(String data) throws ProtocolException {
        try {
            return Json.parse(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProtocolException("a streamed event is not JSON: " + Json.where(e), e);
        }
    }
}
