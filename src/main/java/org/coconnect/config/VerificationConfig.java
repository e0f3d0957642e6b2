package org.coconnect.config;

import java.time.Duration;

/**
 * Annex III verification lookups: the officers' HTML portal (its own HTTPS listener, server TLS only)
 * and the rate limit every client is held to, on the portal (per browser address) and on the
 * verify-co operation (per partner).
 *
 * @param portalHost address the portal binds to
 * @param portalPort 0 switches the portal off
 * @param requests   lookups a client may make per {@code per}
 */
public record VerificationConfig(String portalHost, int portalPort, int requests, Duration per) {

    public static final int DEFAULT_REQUESTS = 30;
    public static final Duration DEFAULT_PER = Duration.ofMinutes(1);

    /** No portal; the verify-co operation at the default rate. */
    public static VerificationConfig defaults() {
        return new VerificationConfig("127.0.0.1", 0, DEFAULT_REQUESTS, DEFAULT_PER);
    }

    public boolean portalEnabled() {
        return portalPort != 0;
    }

    public VerificationConfig withPortal(String host, int port) {
        return new VerificationConfig(host, port, requests, per);
    }

    public VerificationConfig withRate(int newRequests, Duration newPer) {
        return new VerificationConfig(portalHost, portalPort, newRequests, newPer);
    }
}
