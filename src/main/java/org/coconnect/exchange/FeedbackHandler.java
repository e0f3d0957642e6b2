package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DecisionRules;
import org.coconnect.domain.Operation;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.Problem;
import org.coconnect.persistence.CertificateEntity;

/** send-feedback, export side: the importing side's decision on origin-based treatment for a CO we issued. */
final class FeedbackHandler implements InboundHandler<OriginTreatmentFeedback> {

    private static final String LOCATION = "/m:send-feedback/m:OriginTreatmentFeedback/m:CertificateReference";

    @Override
    public Operation operation() {
        return Operation.SEND_FEEDBACK;
    }

    @Override
    public Class<OriginTreatmentFeedback> contentType() {
        return OriginTreatmentFeedback.class;
    }

    @Override
    public List<Problem> check(OriginTreatmentFeedback f, RuleContext context) {
        return DecisionRules.check(f, context.now(), context.allowedSkew());
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, OriginTreatmentFeedback f, Instant now) {
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.EXPORT,
                f.certificate(), LOCATION);
        CertificateTransitions.apply(co, CertificateEvent.REPORT_TREATMENT, now, LOCATION);
        co.recordDecision(f.decision().name(), f.reason(), f.declarationNumber());
        return InboundOutcome.applied(co);
    }
}
