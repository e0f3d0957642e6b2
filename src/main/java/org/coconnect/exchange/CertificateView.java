package org.coconnect.exchange;

import java.time.Instant;
import org.coconnect.domain.CertificateReference;
import org.coconnect.persistence.CertificateEntity;

/** A read-only copy of one CO version as held on one side, for callers that must not see entities. */
public record CertificateView(String side, CertificateReference reference, String partnerId, String state,
                              Instant issuedAt, String importingCountry, String exporterName, String importerName,
                              String agreementCode, int goodsItemCount, String cancellationReason, String decisionReason,
                              String treatmentDecision, String declarationNumber, Instant updatedAt,
                              String referenceCode) {

    static CertificateView of(CertificateEntity c) {
        return new CertificateView(c.side().name(), new CertificateReference(c.issuingCountry(), c.number(), c.version()),
                c.partnerId(), c.state().name(), c.issuedAt(), c.importingCountry(), c.exporterName(), c.importerName(),
                c.agreementCode(), c.goodsItemCount(), c.cancellationReason(), c.decisionReason(), c.treatmentDecision(),
                c.declarationNumber(), c.updatedAt(), c.referenceCode());
    }
}
