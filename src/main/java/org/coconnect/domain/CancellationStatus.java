package org.coconnect.domain;

import java.time.Instant;

/** The importing side's answer to a cancellation notification. */
public record CancellationStatus(CertificateReference certificate, Decision decision, String reason,
                                 String declarationNumber, Instant decidedAt) implements MessageContent {
    /** Accepted: the CO was not used to claim preference and is cancelled. Declined: it was. */
    public enum Decision { ACCEPTED, DECLINED }
}
