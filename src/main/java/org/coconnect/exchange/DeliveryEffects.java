package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateLifecycle;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.InquiryStore;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.MessageStore;
import org.coconnect.persistence.OutboxEntity;

/**
 * What a delivery's outcome, or an operator's resend, does to the CO or inquiry its message is about.
 * An outcome never throws: a transition the lifecycle refuses is reported back, so that the attempt is
 * still recorded and the message settled (a rolled-back outcome would leave it to be claimed for ever).
 */
final class DeliveryEffects {

    private DeliveryEffects() {
    }

    /** The partner answered; empty when the effect applied, else why it could not. */
    static Optional<String> answered(EntityManager em, OutboxEntity o, Operation operation, boolean delivered,
                                     Instant now) {
        if (operation == Operation.SEND_CO) {
            return move(em, o, delivered ? CertificateEvent.CONFIRM_DELIVERY : CertificateEvent.REFUSE_DELIVERY, now);
        }
        if (operation == Operation.SEND_VERIFICATION_INQUIRY && !delivered) {
            // Rejected for good (e.g. the partner does not know the CO): it will never be answered.
            InquiryStore.byInquiryMessage(em, o.messageId()).ifPresent(i -> i.moveTo(InquiryStatus.REFUSED, now));
        }
        return Optional.empty();
    }

    /** The last retry failed; empty when the effect applied, else why it could not. */
    static Optional<String> gaveUp(EntityManager em, OutboxEntity o, Operation operation, Instant now) {
        return operation == Operation.SEND_CO ? move(em, o, CertificateEvent.FAIL_DELIVERY, now) : Optional.empty();
    }

    /**
     * An operator's resend of a message that was answered or given up: its CO starts delivery again, a
     * refused inquiry is open again. Refused ({@code CC-7011}) where the CO's state allows no new delivery.
     */
    static void restart(EntityManager em, OutboxEntity o, Operation operation, Instant now) {
        if (o.status() == OutboxEntity.Status.PENDING) {
            return;                                  // still under way: only its next attempt moves forward
        }
        if (operation == Operation.SEND_CO) {
            certificate(em, o).ifPresent(co -> co.moveTo(CertificateLifecycle.next(co.state(), CertificateEvent.START_DELIVERY)
                    .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.RESEND_NOT_POSSIBLE, o.operation() + " "
                            + o.messageId() + " is " + o.status() + " and its CO " + CertificateTransitions.reference(co)
                            + " is " + co.state() + ", where a resend is not possible.", null))), now));
        }
        if (operation == Operation.SEND_VERIFICATION_INQUIRY) {
            InquiryStore.byInquiryMessage(em, o.messageId())
                    .filter(i -> i.status() == InquiryStatus.REFUSED)
                    .ifPresent(i -> i.moveTo(InquiryStatus.OPEN, now));
        }
    }

    private static Optional<String> move(EntityManager em, OutboxEntity o, CertificateEvent event, Instant now) {
        Optional<CertificateEntity> found = certificate(em, o);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CertificateEntity co = found.get();
        Optional<CertificateState> next = CertificateLifecycle.next(co.state(), event);
        next.ifPresent(to -> co.moveTo(to, now));
        return next.isPresent() ? Optional.empty() : Optional.of("CO " + CertificateTransitions.reference(co) + " is "
                + co.state() + "; " + event + " is not possible in that state, so the CO was left as it was");
    }

    private static Optional<CertificateEntity> certificate(EntityManager em, OutboxEntity o) {
        return Optional.ofNullable(o.certificateId()).map(id -> em.find(CertificateEntity.class, id));
    }

    /** The sent message and the partner's answer, side by side with inbound messages in the journal. */
    static void journal(EntityManager em, OutboxEntity o, Acknowledgement ack, Instant now) {
        // A message resent by hand after a rejection already has its journal entry: it gets the new answer.
        var message = MessageStore.find(em, MessageEntity.Direction.OUTBOUND, o.partnerId(), o.messageId())
                .orElseGet(() -> {
                    var m = new MessageEntity(MessageEntity.Direction.OUTBOUND, o.partnerId(), o.operation(), o.messageId(),
                            null, o.createdAt(), java.util.HexFormat.of().formatHex(ack.payloadDigest()), null, o.payload());
                    MessageStore.insert(em, m);
                    return m;
                });
        message.recordAcknowledgement(ack.status(), now, StoredProblems.toStored(ack.problems()));
        message.linkCertificate(o.certificateId());
    }
}
