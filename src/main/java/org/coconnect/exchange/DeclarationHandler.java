package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.DeclarationRules;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.DeclarationEntity;
import org.coconnect.persistence.DeclarationStore;

/**
 * send-do, import side (Annex IV): a DO is checked against the partner's approved-exporter list (A.11)
 * and stored only when its exporter was approved, with its code, on the DO's date; once per DO number.
 */
final class DeclarationHandler implements InboundHandler<DeclarationOfOrigin> {

    /** The side a received DO is held on. */

    @Override
    public Operation operation() {
        return Operation.SEND_DO;
    }

    @Override
    public Class<DeclarationOfOrigin> contentType() {
        return DeclarationOfOrigin.class;
    }

    @Override
    public List<Problem> check(DeclarationOfOrigin d, RuleContext context) {
        return DeclarationRules.check(d, context.sender(), context.self(), context.now(), context.allowedSkew());
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, DeclarationOfOrigin d, Instant now) {
        String exporterAt = DeclarationRules.DO + "/do:Exporter";
        var entry = DeclarationStore.partnerExporter(em, in.partner().id(), d.exporterId())
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.EXPORTER_NOT_APPROVED, "Exporter "
                        + d.exporterId() + " is not on the approved-exporter list received from " + in.partner().id() + ".",
                        exporterAt + "/do:Identifier")));
        entry.toDomain().refusalFor(d.declarationDate(), d.authorisationCode(), exporterAt).ifPresent(p -> {
            throw new RejectionException(p);
        });
        if (DeclarationStore.declaration(em, CertificateSide.IMPORT, d.exportingCountry(), d.number()).isPresent()) {
            return InboundOutcome.duplicate(Problem.warning(ErrorCode.BUSINESS_DUPLICATE, "DO "
                    + d.exportingCountry() + ":" + d.number() + " was already received; it is not stored again.",
                    DeclarationRules.DO + "/do:DeclarationNumber"));
        }
        em.persist(new DeclarationEntity(CertificateSide.IMPORT, in.partner().id(), d, now));
        return InboundOutcome.applied();
    }
}
