package org.coconnect.config;

import java.time.Duration;

/**
 * What one partner may ask of us at once and over time (SP6): requests in flight, and requests per
 * period (a token bucket that refills {@code requests} every {@code per}).
 */
public record PartnerLimits(int maxConcurrent, int requests, Duration per) {

    public static PartnerLimits defaults() {
        return new PartnerLimits(32, 12_000, Duration.ofMinutes(1));
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
