package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.Operation;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.PendingClaimEntity;

/**
 * Applies a validated inbound message to CO state, inside the receive transaction, and queues the
 * answer a message calls for. Throws {@link RejectionException} when the message cannot apply.
 */
final class ApplyInboundMessage {

    /**
     * What applying a message did: the CO row (null for a message about no CO), whether it was a
     * business duplicate, and the note that says so in the acknowledgement.
     */
    record Outcome(CertificateEntity certificate, boolean businessDuplicate, Problem duplicateNote) {

        Outcome(CertificateEntity certificate, boolean businessDuplicate) {
            this(certificate, businessDuplicate, businessDuplicate ? Problem.warning(ErrorCode.BUSINESS_DUPLICATE, "CO "
                    + certificate.issuingCountry() + ":" + certificate.number() + " v" + certificate.version()
                    + " was already received; it is not stored again.", "/m:send-co/co:CertificateOfOrigin") : null);
        }

        /** A message about no CO, applied. */
        static Outcome applied() {
            return new Outcome(null, false, null);
        }

        /** A message about no CO whose business content is already held. */
        static Outcome duplicate(Problem note) {
            return new Outcome(null, true, note);
        }
    }

    private final Outgoing outgoing;

    ApplyInboundMessage(Outgoing outgoing) {
        this.outgoing = outgoing;
    }

    Outcome apply(EntityManager em, InboundMessage in, Instant now) {
        var content = in.content();
        if (content instanceof CertificateOfOrigin co) {
            return receiveCertificate(em, in, co, now);
        }
        if (content instanceof DeclarationOfOrigin d) {
            return ReceiveDeclarations.declaration(em, in, d, now);
        }
        if (content instanceof ApprovedExporterList list) {
            return ReceiveDeclarations.list(em, in, list, now);
        }
        if (content instanceof CancellationNotification n) {
            return new Outcome(notifyCancellation(em, in, n, now), false);
        }
        if (content instanceof CancellationStatus s) {
            return new Outcome(answerCancellation(em, in, s, now), false);
        }
        if (content instanceof VerificationInquiry q) {
            return new Outcome(InboundInquiries.receive(em, in, q, now), false);
        }
        if (content instanceof InquiryAnswer a) {
            return new Outcome(InboundInquiries.receive(em, in, a, now), false);
        }
        return new Outcome(reportTreatment(em, in, (OriginTreatmentFeedback) content, now), false);
    }

    private Outcome receiveCertificate(EntityManager em, InboundMessage in, CertificateOfOrigin co, Instant now) {
        CertificateReference ref = co.reference();
        var existing = CertificateStore.findForUpdate(em, CertificateSide.IMPORT.name(), in.partner().id(),
                ref.issuingCountry(), ref.number(), ref.version());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), true);
        }
        var entity = new CertificateEntity(CertificateSide.IMPORT.name(), ref.issuingCountry(), ref.number(),
                ref.version(), in.partner().id(), CertificateState.RECEIVED.name(), co.issuedAt(),
                co.importingCountry(), now);
        entity.describe(co.exporterName(), co.importerName(), co.agreementCode(), co.goodsItems().size());
        CertificateStore.insert(em, entity);
        // A declaration may have claimed this CO before it arrived (framework Annex I): match it now.
        for (PendingClaimEntity claim : CertificateStore.pendingClaims(em, ref.issuingCountry(), ref.number())) {
            if (CertificateTransitions.state(entity) == CertificateState.RECEIVED) {
                CertificateTransitions.apply(entity, CertificateEvent.CLAIM, now, null);
                entity.recordDecision(null, null, claim.declarationNumber());
                em.remove(claim);
            }
        }
        return new Outcome(entity, false);
    }

    /**
     * The answer is mechanical (framework 3.6): a CO not yet used to claim preference is cancelled and
     * the cancellation accepted; one already used is kept and the cancellation declined, naming the
     * declaration. The status goes back in the same transaction.
     */
    private CertificateEntity notifyCancellation(EntityManager em, InboundMessage in, CancellationNotification n,
                                                 Instant now) {
        String location = "/m:send-amendment-notification/m:CancellationNotification/m:CertificateReference";
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.IMPORT,
                n.certificate(), location);
        CertificateTransitions.apply(co, CertificateEvent.NOTIFY_CANCELLATION, now, location);
        co.recordCancellationReason(n.reason());
        boolean unused = CertificateTransitions.state(co) == CertificateState.CANCELLATION_NOTIFIED;
        CancellationStatus answer;
        if (unused) {
            CertificateTransitions.apply(co, CertificateEvent.CONFIRM_CANCELLATION, now, location);
            answer = new CancellationStatus(n.certificate(), CancellationStatus.Decision.ACCEPTED, null, null, now);
        } else {
            CertificateTransitions.apply(co, CertificateEvent.REFUSE_CANCELLATION, now, location);
            answer = new CancellationStatus(n.certificate(), CancellationStatus.Decision.DECLINED,
                    "The CO was used to claim origin-based treatment in declaration " + co.declarationNumber() + ".",
                    co.declarationNumber(), now);
        }
        outgoing.message(em, new Outgoing.PartnerRef(in.partner().id(), in.partner().administration()),
                Operation.SEND_CANCELLATION_STATUS, co.id(), answer, in.messageId());
        return co;
    }

    private CertificateEntity answerCancellation(EntityManager em, InboundMessage in, CancellationStatus s, Instant now) {
        String location = "/m:send-cancellation-status/m:CancellationStatus/m:CertificateReference";
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.EXPORT,
                s.certificate(), location);
        boolean accepted = s.decision() == CancellationStatus.Decision.ACCEPTED;
        CertificateTransitions.apply(co, accepted ? CertificateEvent.ACCEPT_CANCELLATION
                : CertificateEvent.DECLINE_CANCELLATION, now, location);
        co.recordDecision(null, s.reason(), s.declarationNumber());
        return co;
    }

    private CertificateEntity reportTreatment(EntityManager em, InboundMessage in, OriginTreatmentFeedback f, Instant now) {
        String location = "/m:send-feedback/m:OriginTreatmentFeedback/m:CertificateReference";
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.EXPORT,
                f.certificate(), location);
        CertificateTransitions.apply(co, CertificateEvent.REPORT_TREATMENT, now, location);
        co.recordDecision(f.decision().name(), f.reason(), f.declarationNumber());
        return co;
    }
}
