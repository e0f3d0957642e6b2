package org.coconnect.config;

import java.time.Duration;

/**
 * What one partner may ask of us at once and over time (SP6): requests in flight, requests per
 * period (a token bucket that refills {@code requests} every {@code per}), and the bytes of request
 * bodies it may have in flight together (a body of unknown length counts as the largest allowed).
 */
public record PartnerLimits(int maxConcurrent, int requests, Duration per, long maxBytesInFlight) {

    /** Two maximal (16 MB) envelopes at once, or many ordinary ones. */
    public static final long DEFAULT_BYTES_IN_FLIGHT = 32L * 1024 * 1024;

    public PartnerLimits {
        if (maxConcurrent <= 0 || requests <= 0 || maxBytesInFlight <= 0) {
            throw new IllegalArgumentException("partner limits must be positive");
        }
    }

    /** With the default budget of body bytes in flight. */
    public PartnerLimits(int maxConcurrent, int requests, Duration per) {
        this(maxConcurrent, requests, per, DEFAULT_BYTES_IN_FLIGHT);
    }

    public static PartnerLimits defaults() {
        return new PartnerLimits(32, 12_000, Duration.ofMinutes(1));
    }

    public PartnerLimits withMaxBytesInFlight(long bytes) {
        return new PartnerLimits(maxConcurrent, requests, per, bytes);
    }

    /** Parses "count/ISO-duration", e.g. "600/PT1M". */
    static PartnerLimits parseRate(int maxConcurrent, String rate) {
        String[] parts = rate.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected <count>/<ISO-8601 duration>, e.g. 600/PT1M");
        }
        int count = Integer.parseInt(parts[0].trim());
        Duration per = Duration.parse(parts[1].trim());
        if (count <= 0 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("count and period must be positive");
        }
        return new PartnerLimits(maxConcurrent, count, per);
    }
}
