package org.coconnect.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.ApprovedExporterEntity;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.DeclarationEntity;
import org.coconnect.persistence.DeclarationStore;
import org.coconnect.persistence.PartnerApprovedExporterEntity;

/**
 * Annex IV A.15: customs look a DO up by the identification number quoted in a declaration. Each DO
 * found comes with a fresh check against the approved-exporter list now held (a revocation after the
 * DO's date does not invalidate it; a list that no longer names the exporter does).
 */
public final class QueryDeclarations {

    /** A DO held on one side, with the check result: APPROVED, or the problem found. */
    public record DeclarationView(String side, String partnerId, Instant storedAt, DeclarationOfOrigin declaration,
                                  String exporterStatus, Optional<Problem> refusal) {

        public String checkResult() {
            return refusal.map(p -> p.code().code()).orElse("APPROVED");
        }
    }

    private final Database database;

    public QueryDeclarations(Database database) {
        this.database = database;
    }

    /** Every DO with this number, on either side; throws UNKNOWN_DECLARATION when there is none. */
    public List<DeclarationView> find(String number) {
        List<DeclarationView> found = database.inTransaction(em -> DeclarationStore.declarationsNumbered(em, number).stream()
                .map(d -> view(em, d)).toList());
        if (found.isEmpty()) {
            throw new RejectionException(Problem.error(ErrorCode.UNKNOWN_DECLARATION,
                    "No DO " + number + " is held here.", null));
        }
        return found;
    }

    private static DeclarationView view(jakarta.persistence.EntityManager em, DeclarationEntity entity) {
        DeclarationOfOrigin d = entity.toDomain();
        Optional<ApprovedExporter> exporter = entity.side() == CertificateSide.IMPORT
                ? DeclarationStore.partnerExporter(em, entity.partnerId(), d.exporterId())
                        .map(PartnerApprovedExporterEntity::toDomain)
                : DeclarationStore.exporter(em, d.exporterId()).map(ApprovedExporterEntity::toDomain);
        Optional<Problem> refusal = exporter.isEmpty()
                ? Optional.of(Problem.error(ErrorCode.EXPORTER_NOT_APPROVED, "Exporter " + d.exporterId()
                        + " is no longer on the approved-exporter list.", null))
                : exporter.get().refusalFor(d.declarationDate(), d.authorisationCode(), null);
        return new DeclarationView(entity.side().name(), entity.partnerId(), entity.createdAt(), d,
                exporter.map(ApprovedExporter::describe).orElse("not listed"), refusal);
    }
}
