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

    /** The verification.* keys of gateway.properties; the portal listens where server.host does unless told. */
    static VerificationConfig read(PropertiesFile file) {
        var defaults = VerificationConfig.defaults();
        String host = file.optional("verification.portal.host", file.optional("server.host", defaults.portalHost()));
        int port = file.port("verification.portal.port", 0);
        String rate = file.optional("verification.rate-limit", null);
        if (rate == null) {
            return new VerificationConfig(host, port, defaults.requests(), defaults.per());
        }
        try {
            var parsed = PartnerLimits.parseRate(1, rate);
            return new VerificationConfig(host, port, parsed.requests(), parsed.per());
        } catch (RuntimeException e) {
            throw new ConfigException(file.name(), "verification.rate-limit", e.getMessage() + ", got '" + rate + "'");
        }
    }
}
