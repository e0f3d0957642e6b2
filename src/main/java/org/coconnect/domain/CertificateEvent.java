package org.coconnect.domain;

/** What can happen to a CO, named as verbs; the lifecycle decides which state each leads to. */
public enum CertificateEvent {
    // Export side.
    START_DELIVERY, CONFIRM_DELIVERY, REFUSE_DELIVERY, FAIL_DELIVERY,
    REQUEST_CANCELLATION, ACCEPT_CANCELLATION, DECLINE_CANCELLATION, SUPERSEDE, REPORT_TREATMENT,
    // Import side.
    NOTIFY_CANCELLATION, CONFIRM_CANCELLATION, REFUSE_CANCELLATION, CLAIM, GRANT_TREATMENT, REJECT_TREATMENT
}
