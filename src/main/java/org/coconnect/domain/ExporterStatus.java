package org.coconnect.domain;

/** Where an exporter stands in the approved-exporter scheme (framework Annex IV, P.1). */
public enum ExporterStatus {
    /** Registered (A.1), waiting for the approving authority's review. */
    APPLIED,
    /** Approved (A.3) with an authorisation code (A.4), from a date on. */
    AUTHORISED,
    /** The application was refused (A.5), with a reason. */
    DENIED,
    /** Approved once, no longer from a date on; DOs made before that date stay valid. */
    REVOKED
}
