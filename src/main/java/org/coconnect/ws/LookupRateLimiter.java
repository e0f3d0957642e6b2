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
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

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
        return buckets.computeIfAbsent(client, c -> new TokenBucket(requests, per, now)).take(now);
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
}
