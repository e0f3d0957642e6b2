package org.coconnect.ws;

import org.coconnect.config.PartnerLimits;

/** One partner's requests and body bytes in flight, changed together under one lock. */
final class PartnerLoad {

    private int requests;
    private long bytes;

    /** Counts the request in, or returns why it would pass the partner's limits (and counts nothing). */
    synchronized String enter(PartnerLimits limits, long bodyBytes) {
        if (requests >= limits.maxConcurrent()) {
            return limits.maxConcurrent() + " requests in flight already";
        }
        if (bytes + bodyBytes > limits.maxBytesInFlight()) {
            return bytes + " body bytes in flight; " + bodyBytes + " more would pass its " + limits.maxBytesInFlight();
        }
        requests++;
        bytes += bodyBytes;
        return null;
    }

    synchronized void leave(long bodyBytes) {
        requests--;
        bytes -= bodyBytes;
    }

    synchronized int requests() {
        return requests;
    }
}
