package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.DeclarationRules;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.DeclarationStore;
import org.coconnect.persistence.PartnerApprovedExporterEntity;
import org.coconnect.persistence.PartnerExporterListEntity;

/**
 * send-approved-exporters, import side (Annex IV): a newer list replaces the one held in full; an older
 * or equal one (a late retry, a list overtaken) is kept out.
 */
final class ExporterListHandler implements InboundHandler<ApprovedExporterList> {

    @Override
    public Operation operation() {
        return Operation.SEND_APPROVED_EXPORTERS;
    }

    @Override
    public Class<ApprovedExporterList> contentType() {
        return ApprovedExporterList.class;
    }

    @Override
    public List<Problem> check(ApprovedExporterList list, RuleContext context) {
        return DeclarationRules.check(list, context.sender(), context.now(), context.allowedSkew());
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, ApprovedExporterList list, Instant now) {
        String partnerId = in.partner().id();
        var head = DeclarationStore.partnerListForUpdate(em, partnerId);
        if (head.isPresent() && !list.listedAt().isAfter(head.get().listedAt())) {
            return InboundOutcome.duplicate(Problem.warning(ErrorCode.BUSINESS_DUPLICATE,
                    "An approved-exporter list as of " + head.get().listedAt() + " is already held; this one as of "
                            + list.listedAt() + " is not applied.", "/m:send-approved-exporters/do:ApprovedExporterList"));
        }
        if (head.isPresent()) {
            head.get().replacedBy(list.listedAt(), now);
        } else {
            // Two first lists of a partner arriving at once: one insert fails, and the receive is retried under the lock.
            em.persist(new PartnerExporterListEntity(partnerId, list.exportingCountry(), list.listedAt(), now));
            em.flush();
        }
        DeclarationStore.replacePartnerExporters(em, partnerId,
                list.exporters().stream().map(e -> new PartnerApprovedExporterEntity(partnerId, e)).toList());
        return InboundOutcome.applied();
    }
}
