package org.coconnect.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateRules;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.Problem;
import org.coconnect.domain.ReferenceCode;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.Database;

/**
 * Trigger T1: the issuing authority hands over an issued CO. It is stored and its send-co queued
 * in one transaction; a re-issued version supersedes the cancelled one it replaces.
 */
public final class IssueCertificate {

    /** What issuing did: the CO, the message that carries it, and the reference code that verifies it (Annex III). */
    public record Issued(CertificateReference certificate, String partnerId, UUID messageId, String referenceCode) {
    }

    private final Database database;
    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final Outgoing outgoing;
    private final Clock clock;

    public IssueCertificate(Database database, AdministrationId self, PartnerDirectory partners, Outgoing outgoing,
                            Clock clock) {
        this.database = database;
        this.self = self;
        this.partners = partners;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    public Issued issue(CertificateOfOrigin co, String certificateXml) {
        Partner partner = PartnerRouting.partnerFor(partners, co.importingCountry(), "importing",
                "/co:CertificateOfOrigin/co:ImportingCountryCode");
        List<Problem> errors = CertificateRules.check(co, self, partner.administration(), clock.instant(), Duration.ZERO)
                .stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new RejectionException(errors);
        }
        return database.inTransaction(em -> {
            var now = clock.instant();
            CertificateReference ref = co.reference();
            if (CertificateStore.findForUpdate(em, CertificateSide.EXPORT, CertificateEntity.OWN_ISSUER,
                    ref.issuingCountry(), ref.number(),
                    ref.version()).isPresent()) {
                throw new RejectionException(Problem.error(ErrorCode.CERTIFICATE_EXISTS,
                        "CO " + ref + " has already been issued.", "/co:CertificateOfOrigin/co:Version"));
            }
            if (ref.version() > 1) {
                supersedePrevious(em, ref, now);
            }
            var entity = new CertificateEntity(CertificateSide.EXPORT, ref.issuingCountry(), ref.number(),
                    ref.version(), partner.id(), CertificateState.ISSUED, co.issuedAt(), co.importingCountry(), now);
            entity.describe(co.exporterName(), co.importerName(), co.agreementCode(), co.goodsItems().size());
            entity.assignReferenceCode(ReferenceCode.generate());
            CertificateStore.insert(em, entity);
            CertificateTransitions.apply(entity, CertificateEvent.START_DELIVERY, now, null);
            UUID messageId = outgoing.certificate(em, new Outgoing.PartnerRef(partner.id(), partner.administration()),
                    entity.id(), certificateXml);
            return new Issued(ref, partner.id(), messageId, entity.referenceCode());
        });
    }

    private static void supersedePrevious(jakarta.persistence.EntityManager em, CertificateReference ref,
                                          java.time.Instant now) {
        var previous = new CertificateReference(ref.issuingCountry(), ref.number(), ref.version() - 1);
        var old = CertificateStore.findForUpdate(em, CertificateSide.EXPORT, CertificateEntity.OWN_ISSUER,
                        previous.issuingCountry(),
                        previous.number(), previous.version())
                .filter(c -> c.state() == CertificateState.CANCELLED)
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.VERSION_NOT_NEXT,
                        "Version " + ref.version() + " can only be issued once version " + previous.version()
                                + " has been cancelled by the importing side.", "/co:CertificateOfOrigin/co:Version")));
        CertificateTransitions.apply(old, CertificateEvent.SUPERSEDE, now, null);
    }
}
