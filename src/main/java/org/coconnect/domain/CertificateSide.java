package org.coconnect.domain;

/** Which side of the exchange a stored CO belongs to. */
public enum CertificateSide {
    /** Issued by this administration and pushed to a partner. */
    EXPORT,
    /** Received from a partner's issuing administration. */
    IMPORT
}
