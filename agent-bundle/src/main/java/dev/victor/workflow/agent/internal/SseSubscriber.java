package dev.victor.workflow.agent.internal;

import java.util.concurrent.Flow;

/**
 * Reads server-sent events line by line ({@code event:}, {@code data:} lines, a blank line ends an
 * event, {@code :} starts a comment) and hands each event to the protocol's assembler as it
 * arrives. The first failure is kept and the rest of the stream is drained unread.
 */
final class SseSubscriber implements Flow.Subscriber<String> {
    private final Protocol.StreamAssembler assembler;
    private final StringBuilder data = new StringBuilder();
    private String event;
    private boolean hasData;
    private ProtocolException failure;

    SseSubscriber(Protocol.StreamAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String raw) {
        if (failure != null) {
            return;
        }
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith(":")) {
            return;
        } else {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            try {
                assembler.event(event, data.toString());
            } catch (ProtocolException e) {
                failure = e;
            }
        }
        data.setLength(0);
        hasData = false;
        event = null;
    }

    @Override
    public void onError(Throwable throwable) {
        // the body subscriber completes exceptionally with it; nothing to keep
    }

    @Override
    public void onComplete() {
        if (failure == null) {
            dispatch();
        }
    }

    /** The answer, or the first failure. */
    ModelTurn result() throws ProtocolException {
        if (failure != null) {
            throw failure;
        }
        return assembler.finish();
    }
}
