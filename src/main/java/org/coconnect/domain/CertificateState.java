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

    /** The side this state belongs to; null for states both sides share. */
    public CertificateSide side() {
        return side;
    }
}
