package dev.victor.workflow.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests per minute per client address, as a token bucket per address that refills evenly over
 * the minute. Remembers at most {@value #MAX_CLIENTS} addresses (the least recently seen are
 * forgotten). Thread-safe.
 */
final class RateLimiter {

    static final int MAX_CLIENTS = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** {@code perMinute} 0 means no limit. */
    RateLimiter(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the client's bucket; false when it is empty. */
    synchronized boolean tryAcquire(String client) {
        if (perMinute == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        // [tokens, time of the last refill]
        double[] bucket = buckets.computeIfAbsent(client, key -> new double[] {perMinute, now});
        double refill = (now - (long) bucket[1]) * (double) perMinute / MINUTE_NANOS;
        bucket[0] = Math.min(perMinute, bucket[0] + refill);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
