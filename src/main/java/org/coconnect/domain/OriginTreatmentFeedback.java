package org.coconnect.domain;

import java.time.Instant;

/** The importing customs' decision on origin-based treatment claimed with a CO (trigger T3). */
public record OriginTreatmentFeedback(CertificateReference certificate, Decision decision, String reason,
                                      String declarationNumber, Instant decidedAt) implements MessageContent {
    /** Whether origin-based treatment was granted. */
    public enum Decision { GRANTED, REJECTED }
}
