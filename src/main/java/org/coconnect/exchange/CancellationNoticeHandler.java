package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.DecisionRules;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.persistence.CertificateEntity;

/**
 * send-amendment-notification, import side. The answer is mechanical (framework 3.6): a CO not yet used
 * to claim preference is cancelled and the cancellation accepted; one already used is kept and the
 * cancellation declined, naming the declaration. The status goes back in the same transaction.
 */
final class CancellationNoticeHandler implements InboundHandler<CancellationNotification> {

    private static final String LOCATION = "/m:send-amendment-notification/m:CancellationNotification/m:CertificateReference";

    private final Outgoing outgoing;

    CancellationNoticeHandler(Outgoing outgoing) {
        this.outgoing = outgoing;
    }

    @Override
    public Operation operation() {
        return Operation.SEND_AMENDMENT_NOTIFICATION;
    }

    @Override
    public Class<CancellationNotification> contentType() {
        return CancellationNotification.class;
    }

    @Override
    public List<Problem> check(CancellationNotification n, RuleContext context) {
        return DecisionRules.check(n, context.now(), context.allowedSkew());
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, CancellationNotification n, Instant now) {
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.IMPORT,
                n.certificate(), LOCATION);
        CertificateTransitions.apply(co, CertificateEvent.NOTIFY_CANCELLATION, now, LOCATION);
        co.recordCancellationReason(n.reason());
        boolean unused = co.state() == CertificateState.CANCELLATION_NOTIFIED;
        CancellationStatus answer;
        if (unused) {
            CertificateTransitions.apply(co, CertificateEvent.CONFIRM_CANCELLATION, now, LOCATION);
            answer = new CancellationStatus(n.certificate(), CancellationStatus.Decision.ACCEPTED, null, null, now);
        } else {
            CertificateTransitions.apply(co, CertificateEvent.REFUSE_CANCELLATION, now, LOCATION);
            answer = new CancellationStatus(n.certificate(), CancellationStatus.Decision.DECLINED,
                    "The CO was used to claim origin-based treatment in declaration " + co.declarationNumber() + ".",
                    co.declarationNumber(), now);
        }
        outgoing.message(em, new Outgoing.PartnerRef(in.partner().id(), in.partner().administration()),
                Operation.SEND_CANCELLATION_STATUS, co.id(), answer, in.messageId());
        return InboundOutcome.applied(co);
    }
}
