package org.coconnect.config;

import java.time.Duration;

/**
 * How long confidential content is kept (SP2: erase it when no longer needed). Metadata and
 * digests are kept; content still needed (an undelivered or resendable message, an open CO or
 * inquiry) is never touched, whatever these periods say.
 *
 * @param payloadsFor  decrypted payloads, counted from receipt (or from delivery, outbound)
 * @param envelopesFor raw signed envelopes kept as evidence of receipt
 */
public record RetentionConfig(Duration payloadsFor, Duration envelopesFor) {

    /**
     * The shortest period accepted for either. Content must outlive its exchange: the retry schedule
     * runs 16 hours after the first attempt and the partner may answer a repeat late, so less than a
     * day could erase what a delivery still talks about; and an operator must be able to read what was
     * exchanged when a partner asks about it after a weekend or holiday. A week covers both.
     */
    public static final Duration MINIMUM = Duration.ofDays(7);

    public static RetentionConfig defaults() {
        return new RetentionConfig(Duration.ofDays(180), Duration.ofDays(3650));
    }

    /**
     * The periods read from {@code file}, refused below {@link #MINIMUM} and, for the envelopes, below the
     * payloads' period: the evidence of receipt must not go before the content it proves.
     */
    static RetentionConfig checked(String file, Duration payloadsFor, Duration envelopesFor) {
        if (payloadsFor.compareTo(MINIMUM) < 0) {
            throw new ConfigException(file, "retention.payloads-for", "must be at least " + MINIMUM.toDays()
                    + " days (P" + MINIMUM.toDays() + "D), got " + payloadsFor);
        }
        if (envelopesFor.compareTo(payloadsFor) < 0) {
            throw new ConfigException(file, "retention.envelopes-for", "must not be shorter than retention.payloads-for ("
                    + payloadsFor + "), got " + envelopesFor);
        }
        return new RetentionConfig(payloadsFor, envelopesFor);
    }
}
