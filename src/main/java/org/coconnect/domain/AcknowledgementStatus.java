package org.coconnect.domain;

/** The outcome a receiver reports for a message (framework BR.5). */
public enum AcknowledgementStatus {
    ACCEPTED, ACCEPTED_WITH_WARNINGS, DUPLICATE, REJECTED;

    /** Whether the sender may consider the message delivered. */
    public boolean isDelivered() {
        return this != REJECTED;
    }
}
