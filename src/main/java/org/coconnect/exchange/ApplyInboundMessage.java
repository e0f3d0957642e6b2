package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateLifecycle;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InvalidTransitionException;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;

/**
 * Applies a validated inbound message to CO state, inside the receive transaction. Returns the CO
 * row it touched, or throws {@link RejectionException} when the message cannot apply.
 */
final class ApplyInboundMessage {

    /** What applying a message did: the CO row and whether it was a business duplicate. */
    record Outcome(CertificateEntity certificate, boolean businessDuplicate) {
    }

    private ApplyInboundMessage() {
    }

    static Outcome apply(EntityManager em, InboundMessage in, Instant now) {
        var content = in.content();
        if (content instanceof CertificateOfOrigin co) {
            return receiveCertificate(em, in, co, now);
        }
        if (content instanceof CancellationNotification n) {
            return new Outcome(notifyCancellation(em, in, n, now), false);
        }
        if (content instanceof CancellationStatus s) {
            return new Outcome(answerCancellation(em, in, s, now), false);
        }
        return new Outcome(reportTreatment(em, in, (OriginTreatmentFeedback) content, now), false);
    }

    private static Outcome receiveCertificate(EntityManager em, InboundMessage in, CertificateOfOrigin co, Instant now) {
        CertificateReference ref = co.reference();
        var existing = CertificateStore.findForUpdate(em, CertificateSide.IMPORT.name(), ref.issuingCountry(),
                ref.number(), ref.version());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), true);
        }
        var entity = new CertificateEntity(CertificateSide.IMPORT.name(), ref.issuingCountry(), ref.number(),
                ref.version(), in.partner().id(), CertificateState.RECEIVED.name(), co.issuedAt(),
                co.importingCountry(), now);
        entity.describe(co.exporterName(), co.importerName(), co.agreementCode(), co.goodsItems().size());
        CertificateStore.insert(em, entity);
        return new Outcome(entity, false);
    }

    private static CertificateEntity notifyCancellation(EntityManager em, InboundMessage in, CancellationNotification n,
                                                        Instant now) {
        String location = "/m:send-amendment-notification/m:CancellationNotification/m:CertificateReference";
        CertificateEntity co = find(em, in, CertificateSide.IMPORT, n.certificate(), location);
        transition(co, CertificateEvent.NOTIFY_CANCELLATION, now, location);
        co.recordCancellationReason(n.reason());
        return co;
    }

    private static CertificateEntity answerCancellation(EntityManager em, InboundMessage in, CancellationStatus s,
                                                        Instant now) {
        String location = "/m:send-cancellation-status/m:CancellationStatus/m:CertificateReference";
        CertificateEntity co = find(em, in, CertificateSide.EXPORT, s.certificate(), location);
        boolean accepted = s.decision() == CancellationStatus.Decision.ACCEPTED;
        transition(co, accepted ? CertificateEvent.ACCEPT_CANCELLATION : CertificateEvent.DECLINE_CANCELLATION,
                now, location);
        co.recordDecision(null, s.reason(), s.declarationNumber());
        return co;
    }

    private static CertificateEntity reportTreatment(EntityManager em, InboundMessage in, OriginTreatmentFeedback f,
                                                     Instant now) {
        String location = "/m:send-feedback/m:OriginTreatmentFeedback/m:CertificateReference";
        CertificateEntity co = find(em, in, CertificateSide.EXPORT, f.certificate(), location);
        transition(co, CertificateEvent.REPORT_TREATMENT, now, location);
        co.recordDecision(f.decision().name(), f.reason(), f.declarationNumber());
        return co;
    }

    private static CertificateEntity find(EntityManager em, InboundMessage in, CertificateSide side,
                                          CertificateReference ref, String location) {
        CertificateEntity co = CertificateStore.findForUpdate(em, side.name(), ref.issuingCountry(), ref.number(),
                        ref.version())
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_CERTIFICATE,
                        "No CO " + ref + " is known here" + (side == CertificateSide.EXPORT
                                ? " as issued by this administration." : " as received from the sender."),
                        location)));
        if (!co.partnerId().equals(in.partner().id())) {
            // Said as "unknown" to the partner on purpose: it must not learn of COs exchanged with others.
            throw new RejectionException(Problem.error(ErrorCode.WRONG_PARTNER,
                    "CO " + ref + " was not exchanged with the sender.", location));
        }
        return co;
    }

    private static void transition(CertificateEntity co, CertificateEvent event, Instant now, String location) {
        try {
            CertificateState next = CertificateLifecycle.apply(CertificateState.valueOf(co.state()), event);
            co.moveTo(next.name(), now);
        } catch (InvalidTransitionException e) {
            throw new RejectionException(List.of(Problem.error(ErrorCode.INVALID_TRANSITION,
                    "CO " + co.issuingCountry() + ":" + co.number() + " v" + co.version() + " is " + co.state()
                            + "; " + event + " is not possible in that state.", location)));
        }
    }
}
