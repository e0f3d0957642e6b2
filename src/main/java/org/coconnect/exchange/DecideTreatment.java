package org.coconnect.exchange;

import java.time.Clock;
import java.util.UUID;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DecisionRules;
import org.coconnect.domain.Operation;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;

/** Trigger T3: the importing customs decided on origin-based treatment; the exporting side gets feedback. */
public final class DecideTreatment {

    private final Database database;
    private final PartnerDirectory partners;
    private final Outgoing outgoing;
    private final Clock clock;

    public DecideTreatment(Database database, PartnerDirectory partners, Outgoing outgoing, Clock clock) {
        this.database = database;
        this.partners = partners;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    /** Returns the ID of the queued send-feedback. */
    public UUID decide(CertificateReference certificate, OriginTreatmentFeedback.Decision decision, String reason) {
        return database.inTransaction(em -> {
            var now = clock.instant();
            var co = CertificateTransitions.find(em, CertificateSide.IMPORT, certificate, null);
            var feedback = new OriginTreatmentFeedback(certificate, decision, reason, co.declarationNumber(), now);
            var problems = DecisionRules.check(feedback, now, java.time.Duration.ZERO);
            if (!problems.isEmpty()) {
                throw new RejectionException(problems);
            }
            CertificateTransitions.apply(co, decision == OriginTreatmentFeedback.Decision.GRANTED
                    ? CertificateEvent.GRANT_TREATMENT : CertificateEvent.REJECT_TREATMENT, now, null);
            co.recordDecision(decision.name(), reason, null);
            var to = partners.byId(co.partnerId()).orElseThrow().administration();
            return outgoing.message(em, new Outgoing.PartnerRef(co.partnerId(), to), Operation.SEND_FEEDBACK, co.id(),
                    feedback, null);
        });
    }
}
