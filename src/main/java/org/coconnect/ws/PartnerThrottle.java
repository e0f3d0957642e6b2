package org.coconnect.ws;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.PartnerDirectory;

/**
 * Admission (SP6), right after the transport named the partner and before the body is read: a
 * declared body over the address's limit (413, CC-2004), a partner over its rate, its requests in
 * flight or its body bytes in flight (429, CC-2006), and all partners together over the gateway's body
 * bytes in flight (503, CC-9006) are refused unread. What a request is admitted with is given back by
 * {@link ExchangeCompletion} when its exchange ends, whichever way.
 */
public final class PartnerThrottle {

    private final PartnerDirectory partners;
    private final Clock clock;
    private final long totalBudget;
    private final AtomicLong totalBytes = new AtomicLong();
    private final Map<String, PartnerLoad> loads = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param totalBudget bytes of request bodies all partners together may have in flight */
    public PartnerThrottle(PartnerDirectory partners, Clock clock, long totalBudget) {
        this.partners = partners;
        this.clock = clock;
        this.totalBudget = totalBudget;
    }

    /** The partner's requests in flight now, for the metrics gauge. */
    public int requestsInFlight(String partnerId) {
        PartnerLoad load = loads.get(partnerId);
        return load == null ? 0 : load.requests();
    }

    /** Body bytes admitted and not yet given back, all partners together. */
    public long bytesInFlight() {
        return totalBytes.get();
    }

    /** Admits requests to an address whose bodies may be at most maxBodyBytes long. */
    public AbstractPhaseInterceptor<Message> admitter(int maxBodyBytes) {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            {
                addAfter(TransportAuthenticator.class.getName());
                addAfter(SoapRequestGuard.class.getName());
                addBefore(RawEnvelopeInterceptor.class.getName());
            }

            @Override
            public void handleMessage(Message message) {
                admit(message, maxBodyBytes);
            }
        };
    }

    private void admit(Message message, int maxBodyBytes) {
        String partnerId = (String) message.get(TransportAuthenticator.TRANSPORT_PARTNER);
        PartnerLimits limits = partners.byId(partnerId).orElseThrow().config().limits();
        long declared = declaredLength(message);
        if (declared > maxBodyBytes) {
            throw refuse(413, ErrorCode.PAYLOAD_LIMIT_EXCEEDED, partnerId + " declared a body of " + declared
                    + " bytes, over " + maxBodyBytes);
        }
        Instant now = clock.instant();
        if (!buckets.computeIfAbsent(partnerId, id -> new TokenBucket(limits.requests(), limits.per(), now)).take(now)) {
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
}
