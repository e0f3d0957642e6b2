package org.coconnect.config;

import java.time.Duration;

/**
 * How long confidential content is kept (SP2: erase it when no longer needed). Metadata and
 * digests are kept; messages still due for delivery are never touched.
 *
 * @param payloadsFor  decrypted payloads, counted from receipt (or from delivery, outbound)
 * @param envelopesFor raw signed envelopes kept as evidence of receipt
 */
public record RetentionConfig(Duration payloadsFor, Duration envelopesFor) {

    public static RetentionConfig defaults() {
        return new RetentionConfig(Duration.ofDays(180), Duration.ofDays(3650));
    }
}
