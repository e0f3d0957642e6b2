package org.coconnect.domain;

/** What the verification lookup tells the importing side about a CO version it found. */
public enum VerificationStatus {
    /** Issued and in force (also while a cancellation is only requested: it takes effect when accepted). */
    VALID,
    /** Cancelled; no newer version has been issued (yet). */
    CANCELLED,
    /** Cancelled and replaced by a newer version. */
    SUPERSEDED;

    /** The status an export-side lifecycle state shows to verifiers. */
    public static VerificationStatus of(CertificateState state) {
        return switch (state) {
            case CANCELLED -> CANCELLED;
            case SUPERSEDED -> SUPERSEDED;
            default -> VALID;
        };
    }
}
