package org.coconnect.domain;

import static org.coconnect.domain.CertificateEvent.*;
import static org.coconnect.domain.CertificateState.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two state machines of a CO (framework Annex I): issuance, delivery and amendment by
 * cancellation on the export side; receipt, claim, treatment decision and cancellation on the
 * import side. Anything not listed here is an invalid transition.
 */
public final class CertificateLifecycle {

    private static final Map<CertificateState, Map<CertificateEvent, CertificateState>> TRANSITIONS =
            new EnumMap<>(CertificateState.class);

    static {
        // Export side. An operator's resend after a failure or a rejection starts delivery again; a late
        // acknowledgement still counts (framework: the receiver may answer a repeat after retries ran out).
        allow(ISSUED, START_DELIVERY, SENT);
        allow(SENT, CONFIRM_DELIVERY, ACKNOWLEDGED);
        allow(SENT, REFUSE_DELIVERY, DELIVERY_REJECTED);
        allow(SENT, FAIL_DELIVERY, DELIVERY_FAILED);
        allow(DELIVERY_FAILED, START_DELIVERY, SENT);
        allow(DELIVERY_FAILED, CONFIRM_DELIVERY, ACKNOWLEDGED);
        allow(DELIVERY_REJECTED, START_DELIVERY, SENT);
        allow(DELIVERY_REJECTED, CONFIRM_DELIVERY, ACKNOWLEDGED);
        allow(ACKNOWLEDGED, REQUEST_CANCELLATION, CANCELLATION_REQUESTED);
        allow(CANCELLATION_REQUESTED, ACCEPT_CANCELLATION, CANCELLED);
        allow(CANCELLATION_REQUESTED, DECLINE_CANCELLATION, ACKNOWLEDGED);
        allow(CANCELLED, SUPERSEDE, SUPERSEDED);
        // Feedback may overtake a pending cancellation; it does not change the export state.
        allow(ACKNOWLEDGED, REPORT_TREATMENT, ACKNOWLEDGED);
        allow(CANCELLATION_REQUESTED, REPORT_TREATMENT, CANCELLATION_REQUESTED);

        // Import side.
        allow(RECEIVED, NOTIFY_CANCELLATION, CANCELLATION_NOTIFIED);
        allow(CANCELLATION_NOTIFIED, CONFIRM_CANCELLATION, CANCELLED);
        allow(CANCELLATION_NOTIFIED, REFUSE_CANCELLATION, RECEIVED);
        // A CO already used in a claim cannot be cancelled: the notification is recorded and can only be declined.
        for (CertificateState used : new CertificateState[] {CLAIMED, TREATMENT_GRANTED, TREATMENT_REJECTED}) {
            allow(used, NOTIFY_CANCELLATION, used);
            allow(used, REFUSE_CANCELLATION, used);
        }
        allow(RECEIVED, CLAIM, CLAIMED);
        allow(CLAIMED, GRANT_TREATMENT, TREATMENT_GRANTED);
        allow(CLAIMED, REJECT_TREATMENT, TREATMENT_REJECTED);
    }

    private CertificateLifecycle() {
    }

    private static void allow(CertificateState from, CertificateEvent event, CertificateState to) {
        TRANSITIONS.computeIfAbsent(from, f -> new EnumMap<>(CertificateEvent.class)).put(event, to);
    }

    /** The state the event leads to, if the event is allowed in that state. */
    public static Optional<CertificateState> next(CertificateState from, CertificateEvent event) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(event));
    }

    /** The state the event leads to; throws when the event is not allowed. */
    public static CertificateState apply(CertificateState from, CertificateEvent event) {
        return next(from, event).orElseThrow(() -> new InvalidTransitionException(from, event));
    }
}
