package org.coconnect.ws;

import java.time.Duration;
import java.time.Instant;

/** A token bucket: full at first, refilled continuously at {@code requests} per {@code per}; thread-safe. */
final class TokenBucket {

    private final int requests;
    private final Duration per;
    private double tokens;
    private Instant last;

    TokenBucket(int requests, Duration per, Instant now) {
        this.requests = requests;
        this.per = per;
        this.tokens = requests;
        this.last = now;
    }

    /** Takes one token if there is one. */
    synchronized boolean take(Instant now) {
        refill(now);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Whether the bucket is full again, i.e. its client has been idle long enough to be forgotten. */
    synchronized boolean fullAt(Instant now) {
        refill(now);
        return tokens >= requests;
    }

    private void refill(Instant now) {
        double elapsed = Math.max(0, Duration.between(last, now).toNanos());
        tokens = Math.min(requests, tokens + elapsed * requests / per.toNanos());
        last = now;
    }
}
