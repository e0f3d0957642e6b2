package org.coconnect.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.DeclarationRules;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.DeclarationEntity;
import org.coconnect.persistence.DeclarationStore;

/**
 * Annex IV A.7-A.9: a DO made by an approved exporter is checked against our own register (the
 * exporter must be authorised, with this code, on the DO's date), stored, and its send-do queued in
 * one transaction.
 */
public final class IssueDeclaration {

    private static final String DO = "/do:DeclarationOfOrigin";

    /** What issuing did: the DO number, the partner it goes to and the message that carries it. */
    public record Issued(String number, String partnerId, UUID messageId) {
    }

    private final Database database;
    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final Outgoing outgoing;
    private final Clock clock;

    public IssueDeclaration(Database database, AdministrationId self, PartnerDirectory partners, Outgoing outgoing,
                            Clock clock) {
        this.database = database;
        this.self = self;
        this.partners = partners;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    public Issued issue(DeclarationOfOrigin d, String declarationXml) {
        Partner partner = PartnerRouting.partnerFor(partners, d.importingCountry(), "importing",
                DO + "/do:ImportingCountryCode");
        List<Problem> errors = DeclarationRules.check(d, self, partner.administration(), clock.instant(), Duration.ZERO)
                .stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new RejectionException(errors);
        }
        return database.inTransaction(em -> {
            var exporter = DeclarationStore.exporterForUpdate(em, d.exporterId())
                    .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.EXPORTER_NOT_APPROVED,
                            "Exporter " + d.exporterId() + " is not registered here.", DO + "/do:Exporter/do:Identifier")));
            exporter.toDomain().refusalFor(d.declarationDate(), d.authorisationCode(), DO + "/do:Exporter").ifPresent(p -> {
                throw new RejectionException(p);
            });
            if (DeclarationStore.declaration(em, CertificateSide.EXPORT, d.exportingCountry(), d.number()).isPresent()) {
                throw new RejectionException(Problem.error(ErrorCode.DECLARATION_EXISTS,
                        "DO " + d.number() + " has already been issued.", DO + "/do:DeclarationNumber"));
            }
            em.persist(new DeclarationEntity(CertificateSide.EXPORT, partner.id(), d, clock.instant()));
            UUID messageId = outgoing.declaration(em, new Outgoing.PartnerRef(partner.id(), partner.administration()),
                    declarationXml);
            return new Issued(d.number(), partner.id(), messageId);
        });
    }
}
