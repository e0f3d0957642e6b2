package org.coconnect.ws;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.VerificationConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.PartnerDirectory;

/**
 * Admission (SP6): the one rule that lets a request in or refuses it unread, right after the transport named
 * the client and before the body is read. On every partner operation: a declared body over the address's
 * limit (413, CC-2004), a partner over its rate, its requests in flight or its body bytes in flight (429,
 * CC-2006), and all partners together over the gateway's body bytes in flight (503, CC-9006). A verification
 * lookup (verify-co per partner, the portal per browser address) is first counted against the lookup rate
 * (429, CC-2007): guessing reference codes takes many lookups. What a request is admitted with is given back
 * by {@link ExchangeCompletion} when its exchange ends, whichever way.
 */
public final class Admission {

    private final PartnerDirectory partners;
    private final Clock clock;
    private final long totalBudget;
    private final AtomicLong totalBytes = new AtomicLong();
    private final Map<String, PartnerLoad> loads = new ConcurrentHashMap<>();
    private final Rates partnerRates = new Rates();
    private final Rates lookupRates = new Rates();
    private final int lookups;
    private final Duration lookupsPer;

    /** @param totalBudget bytes of request bodies all partners together may have in flight */
    public Admission(PartnerDirectory partners, VerificationConfig verification, Clock clock, long totalBudget) {
        this.partners = partners;
        this.clock = clock;
        this.totalBudget = totalBudget;
        this.lookups = verification.requests();
        this.lookupsPer = verification.per();
    }

    /** The partner's requests in flight now, for the metrics gauge. */
    public int requestsInFlight(String partnerId) {
        PartnerLoad load = loads.get(partnerId);
        return load == null ? 0 : load.requests();
    }

    /** Admits requests to a partner operation whose bodies may be at most maxBodyBytes long. */
    public AbstractPhaseInterceptor<Message> exchange(int maxBodyBytes) {
        return interceptor(message -> admit(message, maxBodyBytes));
    }

    /** Admits verify-co lookups: the partner's lookup rate first, then as {@link #exchange}. */
    public AbstractPhaseInterceptor<Message> lookup(int maxBodyBytes) {
        return interceptor(message -> {
            String partnerId = transportPartner(message);
            if (!admitLookup("partner " + partnerId)) {
                throw refuse(429, ErrorCode.LOOKUP_RATE_LIMITED, partnerId + " is over its verification rate of "
                        + lookups + " per " + lookupsPer);
            }
            admit(message, maxBodyBytes);
        });
    }

    /** True when the lookup client (a partner, a browser's address) may look up now; the lookup is counted. */
    public boolean admitLookup(String client) {
        return lookupRates.take(client, lookups, lookupsPer, clock.instant());
    }

    private static AbstractPhaseInterceptor<Message> interceptor(java.util.function.Consumer<Message> rule) {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            {
                addAfter(TransportAuthenticator.class.getName());
                addAfter(SoapRequestGuard.class.getName());
                addBefore(RawEnvelopeInterceptor.class.getName());
            }

            @Override
            public void handleMessage(Message message) {
                rule.accept(message);
            }
        };
    }

    private void admit(Message message, int maxBodyBytes) {
        String partnerId = transportPartner(message);
        PartnerLimits limits = partners.byId(partnerId).orElseThrow().config().limits();
        long declared = declaredLength(message);
        if (declared > maxBodyBytes) {
            throw refuse(413, ErrorCode.PAYLOAD_LIMIT_EXCEEDED, partnerId + " declared a body of " + declared
                    + " bytes, over " + maxBodyBytes);
        }
        if (!partnerRates.take(partnerId, limits.requests(), limits.per(), clock.instant())) {
            throw refuse(429, ErrorCode.RATE_LIMITED, partnerId + " is over its rate of " + limits.requests() + " per "
                    + limits.per());
        }
        // A body of unknown length (chunked) may grow to the address's limit, so that much is set aside.
        long bytes = declared >= 0 ? declared : isBodiless(message) ? 0 : maxBodyBytes;
        PartnerLoad load = loads.computeIfAbsent(partnerId, id -> new PartnerLoad());
        String refusal = load.enter(limits, bytes);
        if (refusal != null) {
            throw refuse(429, ErrorCode.RATE_LIMITED, partnerId + " has " + refusal);
        }
        if (totalBytes.addAndGet(bytes) > totalBudget) {
            totalBytes.addAndGet(-bytes);
            load.leave(bytes);
            throw refuse(503, ErrorCode.GATEWAY_BUSY, "a body of " + bytes + " bytes from " + partnerId
                    + " would pass the gateway's " + totalBudget + " bytes in flight");
        }
        ExchangeCompletion.onEnd(message, () -> {
            totalBytes.addAndGet(-bytes);
            load.leave(bytes);
        });
    }

    private static String transportPartner(Message message) {
        return (String) message.get(TransportAuthenticator.TRANSPORT_PARTNER);
    }

    private static long declaredLength(Message message) {
        var request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request == null ? -1 : request.getContentLengthLong();
    }

    private static boolean isBodiless(Message message) {
        return "GET".equals(message.get(Message.HTTP_REQUEST_METHOD));
    }

    private static Fault refuse(int status, ErrorCode code, String detail) {
        var fault = new Fault(new GatewayFault(code, detail));
        fault.setStatusCode(status);
        return fault;
    }

    /** One token bucket per client, full at first; idle clients are forgotten beyond a bound. */
    private static final class Rates {

        /** Beyond this many clients, idle ones (full buckets) are forgotten so the map cannot grow without end. */
        private static final int MAX_CLIENTS = 10_000;
        private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

        boolean take(String client, int requests, Duration per, Instant now) {
            if (buckets.size() > MAX_CLIENTS) {
                buckets.values().removeIf(b -> b.fullAt(now));
            }
            return buckets.computeIfAbsent(client, c -> new TokenBucket(requests, per, now)).take(now);
        }
    }
}
