package org.coconnect.domain;

/** States of a CO on either side; each belongs to exactly one side. */
public enum CertificateState {
    // Export side.
    ISSUED(CertificateSide.EXPORT),
    SENT(CertificateSide.EXPORT),
    ACKNOWLEDGED(CertificateSide.EXPORT),
    DELIVERY_REJECTED(CertificateSide.EXPORT),
    DELIVERY_FAILED(CertificateSide.EXPORT),
    CANCELLATION_REQUESTED(CertificateSide.EXPORT),
    CANCELLED(null),
    SUPERSEDED(CertificateSide.EXPORT),
    // Import side.
    RECEIVED(CertificateSide.IMPORT),
    CANCELLATION_NOTIFIED(CertificateSide.IMPORT),
    CLAIMED(CertificateSide.IMPORT),
    TREATMENT_GRANTED(CertificateSide.IMPORT),
    TREATMENT_REJECTED(CertificateSide.IMPORT);

    private final CertificateSide side;

    CertificateState(CertificateSide side) {
        this.side = side;
    }

    /**
     * Whether something is still to happen to a CO in this state (a delivery or resend, a claim, a
     * decision, an answer to a cancellation), so that what was exchanged about it is still needed.
     */
    public boolean isOpen() {
        return switch (this) {
            case ISSUED, SENT, DELIVERY_REJECTED, DELIVERY_FAILED, CANCELLATION_REQUESTED,
                 RECEIVED, CANCELLATION_NOTIFIED, CLAIMED -> true;
            case ACKNOWLEDGED, CANCELLED, SUPERSEDED, TREATMENT_GRANTED, TREATMENT_REJECTED -> false;
        };
    }

    /** The side this state belongs to; null for states both sides share. */
    public CertificateSide side() {
        return side;
    }
}
