package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.DeclarationRules;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.DeclarationEntity;
import org.coconnect.persistence.PartnerApprovedExporterEntity;
import org.coconnect.persistence.PartnerExporterListEntity;

/**
 * The import side of Annex IV, inside the receive transaction: a partner's approved-exporter list
 * replaces the one held; a DO is stored only when its exporter was approved, with its code, on the DO's date.
 */
final class ReceiveDeclarations {

    static final String IMPORT = "IMPORT";

    private ReceiveDeclarations() {
    }

    /** Applies a newer list in full; an older or equal one (a late retry, a list overtaken) is kept out. */
    static ApplyInboundMessage.Outcome list(EntityManager em, InboundMessage in, ApprovedExporterList list, Instant now) {
        String partnerId = in.partner().id();
        var head = DeclarationStore.partnerListForUpdate(em, partnerId);
        if (head.isPresent() && !list.listedAt().isAfter(head.get().listedAt())) {
            return ApplyInboundMessage.Outcome.duplicate(Problem.warning(ErrorCode.BUSINESS_DUPLICATE,
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
        return ApplyInboundMessage.Outcome.applied();
    }

    /** Checks the DO against the partner's list (A.11), then stores it once per DO number. */
    static ApplyInboundMessage.Outcome declaration(EntityManager em, InboundMessage in, DeclarationOfOrigin d, Instant now) {
        String exporterAt = DeclarationRules.DO + "/do:Exporter";
        var entry = DeclarationStore.partnerExporter(em, in.partner().id(), d.exporterId())
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.EXPORTER_NOT_APPROVED, "Exporter "
                        + d.exporterId() + " is not on the approved-exporter list received from " + in.partner().id() + ".",
                        exporterAt + "/do:Identifier")));
        entry.toDomain().refusalFor(d.declarationDate(), d.authorisationCode(), exporterAt).ifPresent(p -> {
            throw new RejectionException(p);
        });
        if (DeclarationStore.declaration(em, IMPORT, d.exportingCountry(), d.number()).isPresent()) {
            return ApplyInboundMessage.Outcome.duplicate(Problem.warning(ErrorCode.BUSINESS_DUPLICATE, "DO "
                    + d.exportingCountry() + ":" + d.number() + " was already received; it is not stored again.",
                    DeclarationRules.DO + "/do:DeclarationNumber"));
        }
        em.persist(new DeclarationEntity(IMPORT, in.partner().id(), d, now));
        return ApplyInboundMessage.Outcome.applied();
    }
}
