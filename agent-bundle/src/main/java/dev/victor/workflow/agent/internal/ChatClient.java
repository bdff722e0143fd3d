package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.victor.workflow.agent.LlmEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends one model request to an endpoint: the whole exchange within {@code timeout.seconds}, up to
 * {@code max.retries} further attempts after a 429, a 5xx, a timeout or a broken connection, waiting
 * what {@code Retry-After} asks (at most {@code max.retry.wait.seconds}) or else 1, 2, 4, ... s (capped by
 * the same limit). An interrupt (the run cancelled, the node timed out) aborts the exchange at once.
 */
final class ChatClient {
    /** Longest provider error message quoted in an error. */
    static final int MAX_ERROR_MESSAGE_CHARS = 300;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** Waits between attempts ({@link Thread#sleep} outside tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /** What came back: an answer, or a status that says no. */
    private sealed interface Reply {
        record Answer(ModelTurn turn) implements Reply {
        }

        record Refused(int status, Optional<String> retryAfter, String body) implements Reply {
        }
    }

    /** Carries a protocol failure out of a body subscriber. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(ProtocolException cause) {
            super(cause);
        }
    }

    private final HttpClient http;
    private final Sleeper sleeper;

    ChatClient(HttpClient http, Sleeper sleeper) {
        this.http = http;
        this.sleeper = sleeper;
    }

    static ChatClient create() {
        return new ChatClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                pause -> Thread.sleep(pause.toMillis()));
    }

    static Protocol protocol(LlmEndpoint endpoint) {
        return switch (endpoint.provider()) {
            case OPENAI -> new OpenAiProtocol();
            case AZURE -> new OpenAiProtocol(true, endpoint.apiVersion());
            case ANTHROPIC -> new AnthropicProtocol();
        };
    }

    ModelTurn complete(LlmEndpoint endpoint, ModelRequest request) throws LlmException, InterruptedException {
        return complete(endpoint, request, piece -> { });
    }

    /**
     * The model's answer; when the request streams, each piece of its text goes to {@code pieces} as it
     * arrives (on the HTTP client's thread; a retried attempt streams again from its start).
     */
    ModelTurn complete(LlmEndpoint endpoint, ModelRequest request, Consumer<String> pieces)
            throws LlmException, InterruptedException {
        Protocol protocol = protocol(endpoint);
        String base = endpoint.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + protocol.path()))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", request.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(protocol.body(request)), StandardCharsets.UTF_8));
        protocol.headers(builder, endpoint.apiKey());
        HttpRequest httpRequest = builder.build();
        int attempts = endpoint.maxRetries() + 1;
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration pause;
            CompletableFuture<HttpResponse<Reply>> exchange =
                    http.sendAsync(httpRequest, info -> new CappedBody<>(subscriber(info, protocol, request.stream(),
                            pieces), endpoint.maxResponseBytes()));
            try {
                Reply reply = exchange.get(endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS).body();
                if (reply instanceof Reply.Answer answer) {
                    return answer.turn();
                }
                Reply.Refused refused = (Reply.Refused) reply;
                last = "HTTP " + refused.status() + describeBody(protocol, refused.body(), endpoint);
                if (refused.status() != 429 && refused.status() < 500) {
                    throw new LlmException(endpoint.describe() + " refused the request: " + last);
                }
                Optional<Duration> asked = refused.retryAfter().flatMap(ChatClient::retryAfter);
                if (asked.isPresent() && asked.get().compareTo(endpoint.maxRetryWait()) > 0) {
                    throw new LlmException(endpoint.describe() + " answered " + last + " and asks to retry after "
                            + asked.get().toSeconds() + " s, longer than max.retry.wait.seconds ("
                            + endpoint.maxRetryWait().toSeconds() + " s)");
                }
                pause = asked.orElse(backoff(attempt, endpoint.maxRetryWait()));
            } catch (TimeoutException late) {
                exchange.cancel(true);
                last = "no answer within " + endpoint.timeout().toSeconds() + " s (timeout.seconds)";
                pause = backoff(attempt, endpoint.maxRetryWait());
            } catch (InterruptedException interrupted) {
                exchange.cancel(true);
                throw interrupted;
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failed.getCause();
                CappedBody.TooLarge tooLarge = tooLarge(cause);
                if (tooLarge != null) {
                    throw new LlmException(endpoint.describe() + " answered more than " + tooLarge.limit
                            + " bytes (max.response.bytes); the answer was cut off and not read");
                }
                if (cause instanceof Unreadable unreadable) {
                    throw new LlmException(endpoint.describe() + " answered something unreadable: "
                            + redact(unreadable.getCause().getMessage(), endpoint), unreadable.getCause());
                }
                if (cause instanceof java.net.http.HttpTimeoutException) {
                    last = "no answer within " + endpoint.timeout().toSeconds() + " s (timeout.seconds)";
                } else if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                    last = "the connection failed (" + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + redact(cause.getMessage(), endpoint)) + ")";
                } else {
                    throw new LlmException(endpoint.describe() + " failed: " + cause.getClass().getSimpleName(), cause);
                }
                pause = backoff(attempt, endpoint.maxRetryWait());
            }
            if (attempt < attempts) {
                sleeper.sleep(pause);
            }
        }
        throw new LlmException(endpoint.describe() + ": " + last + "; gave up after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + " (max.retries = " + endpoint.maxRetries() + ")");
    }

    private static HttpResponse.BodySubscriber<Reply> subscriber(HttpResponse.ResponseInfo info, Protocol protocol,
                                                                 boolean stream, Consumer<String> pieces) {
        int status = info.statusCode();
        if (status < 200 || status > 299) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    body -> new Reply.Refused(status, info.headers().firstValue("Retry-After"), body));
        }
        boolean events = info.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")).orElse(false);
        if (stream && events) {
            SseSubscriber sse = new SseSubscriber(protocol.assembler(pieces));
            return HttpResponse.BodySubscribers.fromLineSubscriber(sse, s -> {
                try {
                    return new Reply.Answer(s.result());
                } catch (ProtocolException e) {
                    throw new Unreadable(e);
                }
            }, StandardCharsets.UTF_8, "\n");
        }
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                body -> {
                    try {
                        return new Reply.Answer(protocol.answer(parse(body)));
                    } catch (ProtocolException e) {
                        throw new Unreadable(e);
                    }
                });
    }

    /** The size failure somewhere in a failure's causes, or {@code null}. */
    private static CappedBody.TooLarge tooLarge(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (at instanceof CappedBody.TooLarge found) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode parse(String body) throws ProtocolException {
        try {
            JsonNode node = Json.parse(body);
            if (!node.isObject()) {
                throw new ProtocolException("the answer is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("the answer is not JSON: " + Json.where(e), e);
        }
    }

    /** The provider's error message (shortened, without the key), or nothing when the body is no JSON error. */
    private static String describeBody(Protocol protocol, String body, LlmEndpoint endpoint) {
        String message;
        try {
            message = protocol.errorMessage(Json.parse(body));
        } catch (JsonProcessingException | RuntimeException e) {
            message = null;
        }
        if (message == null || message.isBlank()) {
            return "";
        }
        if (message.length() > MAX_ERROR_MESSAGE_CHARS) {
            message = message.substring(0, MAX_ERROR_MESSAGE_CHARS) + "...";
        }
        return ": " + redact(message, endpoint);
    }

    static String redact(String text, LlmEndpoint endpoint) {
        if (text == null || endpoint.apiKey() == null) {
            return text;
        }
        return text.replace(endpoint.apiKey(), "***");
    }

    /** 1, 2, 4, ... seconds, never more than the limit. */
    static Duration backoff(int attempt, Duration limit) {
        Duration pause = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(limit) > 0 ? limit : pause;
    }

    /** Seconds, or an HTTP date; a value that is neither is ignored. */
    static Optional<Duration> retryAfter(String value) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
