package dev.victor.workflow.agent.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that passes the bytes on to another one until there are more than a limit:
 * then it cancels the exchange and fails the body with {@link TooLarge}. Counts the bytes as they
 * arrive, so a streamed answer is stopped when it passes the limit, not at its end.
 */
final class CappedBody<T> implements HttpResponse.BodySubscriber<T> {

    /** The body passed the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long limit;

        TooLarge(long limit) {
            super("the answer is longer than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final HttpResponse.BodySubscriber<T> inner;
    private final long limit;
    private long received;
    private boolean over;
    private Flow.Subscription subscription;

    CappedBody(HttpResponse.BodySubscriber<T> inner, long limit) {
        this.inner = inner;
        this.limit = limit;
    }

    @Override
    public CompletionStage<T> getBody() {
        return inner.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        this.subscription = given;
        inner.onSubscribe(given);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (over) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
        }
        if (received > limit) {
            over = true;
            subscription.cancel();
            inner.onError(new TooLarge(limit));
            return;
        }
        inner.onNext(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        if (!over) {
            inner.onError(failure);
        }
    }

    @Override
    public void onComplete() {
        if (!over) {
            inner.onComplete();
        }
    }
}
