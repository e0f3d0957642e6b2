package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateRules;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.PendingClaimEntity;

/** send-co, import side: a CO version is stored once, as RECEIVED, and matched to claims that waited for it. */
final class CertificateHandler implements InboundHandler<CertificateOfOrigin> {

    @Override
    public Operation operation() {
        return Operation.SEND_CO;
    }

    @Override
    public Class<CertificateOfOrigin> contentType() {
        return CertificateOfOrigin.class;
    }

    @Override
    public List<Problem> check(CertificateOfOrigin co, RuleContext context) {
        return CertificateRules.check(co, context.sender(), context.self(), context.now(), context.allowedSkew());
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, CertificateOfOrigin co, Instant now) {
        CertificateReference ref = co.reference();
        var existing = CertificateStore.findForUpdate(em, CertificateSide.IMPORT, in.partner().id(),
                ref.issuingCountry(), ref.number(), ref.version());
        if (existing.isPresent()) {
            return InboundOutcome.duplicateOf(existing.get());
        }
        var entity = new CertificateEntity(CertificateSide.IMPORT, ref.issuingCountry(), ref.number(),
                ref.version(), in.partner().id(), CertificateState.RECEIVED, co.issuedAt(),
                co.importingCountry(), now);
        entity.describe(co.exporterName(), co.importerName(), co.agreementCode(), co.goodsItems().size());
        CertificateStore.insert(em, entity);
        // A declaration may have claimed this CO before it arrived (framework Annex I): match it now.
        for (PendingClaimEntity claim : CertificateStore.pendingClaims(em, ref.issuingCountry(), ref.number())) {
            if (entity.state() == CertificateState.RECEIVED) {
                CertificateTransitions.apply(entity, CertificateEvent.CLAIM, now, null);
                entity.recordDecision(null, null, claim.declarationNumber());
                em.remove(claim);
            }
        }
        return InboundOutcome.applied(entity);
    }
}
