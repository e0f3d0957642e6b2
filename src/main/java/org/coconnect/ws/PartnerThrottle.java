package org.coconnect.ws;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.coconnect.config.PartnerLimits;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.PartnerDirectory;

/**
 * Per-partner limits (SP6), applied right after the transport named the partner and before the body
 * is read: requests in flight (a permit held until the answer is written) and requests per period (a
 * token bucket). Over a limit → HTTP 429 with CC-2006.
 */
public final class PartnerThrottle {

    private final PartnerDirectory partners;
    private final Clock clock;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public PartnerThrottle(PartnerDirectory partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /** Takes a permit for the partner the transport identified; released by {@link #releaser()}. */
    public AbstractPhaseInterceptor<Message> admitter() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            {
                addAfter(TransportAuthenticator.class.getName());
                addBefore(RawEnvelopeInterceptor.class.getName());
            }

            @Override
            public void handleMessage(Message message) {
                String partnerId = (String) message.get(TransportAuthenticator.TRANSPORT_PARTNER);
                PartnerLimits limits = partners.byId(partnerId).orElseThrow().config().limits();
                Instant now = clock.instant();
                if (!buckets.computeIfAbsent(partnerId, id -> new TokenBucket(limits.requests(), limits.per(), now)).take(now)) {
                    throw refuse(partnerId + " is over its rate of " + limits.requests() + " per " + limits.per());
                }
                Semaphore permits = inFlight.computeIfAbsent(partnerId, id -> new Semaphore(limits.maxConcurrent()));
                if (!permits.tryAcquire()) {
                    throw refuse(partnerId + " has " + limits.maxConcurrent() + " requests in flight already");
                }
                message.getExchange().put(Semaphore.class, permits);
            }

            /** Called when the inbound chain unwinds (a refusal, a client gone mid-body): the permit comes back. */
            @Override
            public void handleFault(Message message) {
                release(message.getExchange());
            }
        };
    }

    /** Gives the permit back once the answer (or fault) is written; added to both outbound chains. */
    public AbstractPhaseInterceptor<Message> releaser() {
        return new AbstractPhaseInterceptor<>(Phase.SETUP_ENDING) {
            @Override
            public void handleMessage(Message message) {
                release(message.getExchange());
            }

            @Override
            public void handleFault(Message message) {
                release(message.getExchange());
            }
        };
    }

    private static void release(Exchange exchange) {
        Semaphore permits = (Semaphore) exchange.remove(Semaphore.class);
        if (permits != null) {
            permits.release();
        }
    }

    private static Fault refuse(String detail) {
        var fault = new Fault(new GatewayFault(ErrorCode.RATE_LIMITED, detail));
        fault.setStatusCode(429);
        return fault;
    }
}
