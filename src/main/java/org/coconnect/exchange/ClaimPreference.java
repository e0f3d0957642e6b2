package org.coconnect.exchange;

import java.time.Clock;
import java.util.Optional;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.PendingClaimEntity;

/** Import side: a customs declaration claims origin-based treatment on a CO (by CO number). */
public final class ClaimPreference {

    private final Database database;
    private final Clock clock;
    private final ChangeAudit changes;

    public ClaimPreference(Database database, Clock clock, org.coconnect.audit.AuditLog audit) {
        this.changes = new ChangeAudit(audit);
        this.database = database;
        this.clock = clock;
    }

    /**
     * Claims the newest received version of the CO; when it has not arrived yet the claim is kept
     * pending and matched on arrival. Returns the claimed CO, or empty for a pending claim.
     */
    public Optional<CertificateReference> claim(String issuingCountry, String number, String declarationNumber) {
        return database.inTransaction(em -> {
            var now = clock.instant();
            var versions = CertificateStore.versionsForUpdate(em, CertificateSide.IMPORT, issuingCountry, number);
            var issuers = versions.stream().map(CertificateEntity::partnerId).distinct().toList();
            if (issuers.size() > 1) {
                throw new RejectionException(Problem.error(ErrorCode.CO_NUMBER_AMBIGUOUS, "CO " + issuingCountry + ":"
                        + number + " was received from " + issuers + "; it cannot be told apart by number.", null));
            }
            var co = versions.stream().findFirst();
            changes.record(em, null, null, "declaration " + declarationNumber + " claims preference on CO "
                    + issuingCountry + ":" + number + (co.isEmpty() ? " (pending its arrival)" : ""));
            if (co.isEmpty()) {
                em.persist(new PendingClaimEntity(issuingCountry, number, declarationNumber, now));
                return Optional.empty();
            }
            CertificateTransitions.apply(co.get(), CertificateEvent.CLAIM, now, null);
            co.get().recordDecision(null, null, declarationNumber);
            return Optional.of(CertificateTransitions.reference(co.get()));
        });
    }
}
