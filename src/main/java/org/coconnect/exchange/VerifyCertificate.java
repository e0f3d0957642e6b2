package org.coconnect.exchange;

import java.util.List;
import java.util.Optional;
import org.coconnect.audit.AuditLog;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.domain.ReferenceCode;
import org.coconnect.domain.VerificationStatus;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.Database;

/**
 * Annex III, A.53-A.54: the importing side asks about a CO we issued, by CO number and reference code.
 * A wrong code and an unknown number give the same empty answer, so the lookup never tells whether a
 * CO exists. Every lookup is written to the audit log (who, which number, the outcome; never the code).
 */
public final class VerifyCertificate {

    /** Who asked, for the audit log: a partner (SOAP) or a browser's address (the portal). */
    public record Requester(String channel, String partnerId, String client) {

        public static Requester partner(String partnerId) {
            return new Requester("verify-co", partnerId, partnerId);
        }

        public static Requester portal(String clientAddress) {
            return new Requester("portal", null, clientAddress);
        }
    }

    private static final int AUDITED_NUMBER_LENGTH = 70;
    private final Database database;
    private final String ownCountry;
    private final AuditLog audit;

    public VerifyCertificate(Database database, String ownCountry, AuditLog audit) {
        this.database = database;
        this.ownCountry = ownCountry;
        this.audit = audit;
    }

    /**
     * The CO version whose number and reference code match, with its status; empty when the number is
     * unknown, the code wrong or the issuing country not ours. The country may be null (ours).
     */
    public Optional<CertificateVerification> verify(Requester who, String issuingCountry, String number, String code) {
        return database.inTransaction(em -> {
            List<CertificateEntity> versions = issuedVersions(em, issuingCountry, number);
            Optional<CertificateVerification> found = match(versions, code);
            audit.record(em, AuditLog.Kind.LOOKUP, who.partnerId(), null, describe(who, number, found));
            return found;
        });
    }

    private List<CertificateEntity> issuedVersions(jakarta.persistence.EntityManager em, String issuingCountry,
                                                   String number) {
        if (number == null || number.isBlank() || (issuingCountry != null && !issuingCountry.equals(ownCountry))) {
            return List.of();
        }
        return CertificateStore.versions(em, CertificateSide.EXPORT, ownCountry, number.strip());
    }

    /** Every version is compared, and one comparison is made when there is none, so timing tells nothing. */
    private static Optional<CertificateVerification> match(List<CertificateEntity> versions, String code) {
        CertificateEntity matched = null;
        boolean anyMatch = ReferenceCode.matches(null, code);
        int latest = 0;
        for (CertificateEntity c : versions) {
            latest = Math.max(latest, c.version());
            if (ReferenceCode.matches(c.referenceCode(), code)) {
                matched = c;
                anyMatch = true;
            }
        }
        if (!anyMatch || matched == null) {
            return Optional.empty();
        }
        return Optional.of(verification(matched, latest));
    }

    private static CertificateVerification verification(CertificateEntity c, int latestVersion) {
        var status = VerificationStatus.of(c.state());
        return new CertificateVerification(new CertificateReference(c.issuingCountry(), c.number(), c.version()), status,
                latestVersion, c.issuedAt(), c.importingCountry(), c.exporterName(), c.importerName(), c.agreementCode(),
                c.goodsItemCount(), status == VerificationStatus.VALID ? null : c.cancellationReason());
    }

    private static String describe(Requester who, String number, Optional<CertificateVerification> found) {
        String asked = number == null ? "" : number.replaceAll("\\p{Cntrl}", "?");
        if (asked.length() > AUDITED_NUMBER_LENGTH) {
            asked = asked.substring(0, AUDITED_NUMBER_LENGTH) + "...";
        }
        String outcome = found.map(v -> "found " + v.reference() + ", " + v.status()
                        + (v.status() == VerificationStatus.SUPERSEDED ? " by version " + v.latestVersion() : ""))
                .orElse("not found or reference code wrong");
        return who.channel() + " lookup by " + who.client() + " of CO number '" + asked + "': " + outcome;
    }
}
