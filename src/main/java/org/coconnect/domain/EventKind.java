package org.coconnect.domain;

import java.util.Locale;

/** What a domestic system can be notified of (callbacks and GET /events); the label names it in configuration and JSON. */
public enum EventKind {
    CO_RECEIVED,
    CANCELLATION_NOTICE_RECEIVED,
    CANCELLATION_STATUS_RECEIVED,
    FEEDBACK_RECEIVED,
    DELIVERY_FAILED,
    INQUIRY_RECEIVED,
    INQUIRY_ANSWERED,
    DO_RECEIVED,
    ALERT_RAISED;

    /** e.g. "co-received". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a label such as "co-received", or null. */
    public static EventKind of(String label) {
        for (EventKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
