package org.coconnect.ws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.coconnect.config.VerificationConfig;
import org.coconnect.error.ErrorCode;

/**
 * Verification lookups per client (a partner on verify-co, a browser's address on the portal): a
 * token bucket per client, full at first, refilled at the configured rate. Guessing reference codes
 * takes many lookups; this keeps each client to a few per minute.
 */
public final class LookupRateLimiter {

    /** Beyond this many clients, idle ones (full buckets) are forgotten so the map cannot grow without end. */
    private static final int MAX_CLIENTS = 10_000;
    private final int requests;
    private final Duration per;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LookupRateLimiter(VerificationConfig config, Clock clock) {
        this.requests = config.requests();
        this.per = config.per();
        this.clock = clock;
    }

    /** True when the client may look up now (and the lookup is counted). */
    public boolean admit(String client) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(requests, now)).take(now);
    }

    /**
     * On verify-co: counts the lookup against the partner the transport identified, before the body is
     * read (nothing is decrypted for a lookup over the limit). Over it: HTTP 429 with CC-2007.
     */
    public AbstractPhaseInterceptor<Message> admitter() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            {
                addAfter(TransportAuthenticator.class.getName());
                addBefore(RawEnvelopeInterceptor.class.getName());
            }

            @Override
            public void handleMessage(Message message) {
                String partnerId = (String) message.get(TransportAuthenticator.TRANSPORT_PARTNER);
                if (!admit("partner " + partnerId)) {
                    var fault = new Fault(new GatewayFault(ErrorCode.LOOKUP_RATE_LIMITED, partnerId
                            + " is over its verification rate of " + requests + " per " + per));
                    fault.setStatusCode(429);
                    throw fault;
                }
            }
        };
    }

    /** A token bucket: tokens refill continuously, {@code requests} per {@code per}. */
    private final class Bucket {
        private double tokens;
        private Instant last;

        Bucket(int tokens, Instant now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean take(Instant now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

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
}
