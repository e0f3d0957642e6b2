package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DecisionRules;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.persistence.CertificateEntity;

/** send-cancellation-status, export side: the importing side accepted or declined our cancellation. */
final class CancellationStatusHandler implements InboundHandler<CancellationStatus> {

    private static final String LOCATION = "/m:send-cancellation-status/m:CancellationStatus/m:CertificateReference";

    @Override
    public Operation operation() {
        return Operation.SEND_CANCELLATION_STATUS;
    }

    @Override
    public Class<CancellationStatus> contentType() {
        return CancellationStatus.class;
    }

    @Override
    public List<Problem> check(CancellationStatus s, RuleContext context) {
        return DecisionRules.check(s, context.now(), context.allowedSkew());
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, CancellationStatus s, Instant now) {
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.EXPORT,
                s.certificate(), LOCATION);
        boolean accepted = s.decision() == CancellationStatus.Decision.ACCEPTED;
        CertificateTransitions.apply(co, accepted ? CertificateEvent.ACCEPT_CANCELLATION
                : CertificateEvent.DECLINE_CANCELLATION, now, LOCATION);
        co.recordDecision(null, s.reason(), s.declarationNumber());
        return InboundOutcome.applied(co);
    }
}
