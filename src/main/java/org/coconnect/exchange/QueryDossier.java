package org.coconnect.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.JournalStore;

/**
 * The whole CO as one side holds it: every version with its state history and its content as exchanged, the
 * claims waiting for it, the inquiries about it and every message exchanged about it.
 */
public final class QueryDossier {

    /** One state a version went through. */
    public record StateChange(CertificateState state, Instant at) {
    }

    /** One version: its record, its history, and the XML as received (or as sent) when still kept. */
    public record Version(CertificateView certificate, List<StateChange> history, Optional<String> xml) {
    }

    /** A claim on the CO's number made before the CO arrived. */
    public record PendingClaim(String declarationNumber, Instant claimedAt) {
    }

    /** Everything about one CO on one side. */
    public record Dossier(CertificateSide side, String issuingCountry, String number, List<Version> versions,
                          List<PendingClaim> pendingClaims, List<InquiryView> inquiries,
                          List<QueryJournal.Entry> messages) {
    }

    private static final int MAX_ITEMS = 1000;
    private final Database database;
    private final VerificationInquiries inquiries;
    private final QueryJournal journal;

    public QueryDossier(Database database, VerificationInquiries inquiries, QueryJournal journal) {
        this.database = database;
        this.inquiries = inquiries;
        this.journal = journal;
    }

    /** The CO on the given side, or on whichever side holds it (received first) when side is null. */
    public Optional<Dossier> find(CertificateSide side, String issuingCountry, String number) {
        List<CertificateSide> sides = side == null ? List.of(CertificateSide.IMPORT, CertificateSide.EXPORT) : List.of(side);
        for (CertificateSide s : sides) {
            List<Version> versions = database.inTransaction(em -> CertificateStore.versions(em, s, issuingCountry, number)
                    .stream().map(c -> version(c, JournalStore.content(em, c.id()))).toList());
            if (!versions.isEmpty()) {
                return Optional.of(new Dossier(s, issuingCountry, number, versions, pendingClaims(issuingCountry, number),
                        inquiries.list(s, null, null, number, MAX_ITEMS).stream()
                                .filter(i -> i.certificate().reference().issuingCountry().equals(issuingCountry)).toList(),
                        journal.find(new QueryJournal.Filter(number, null, null, null, null, null, null), 0, MAX_ITEMS)));
            }
        }
        return Optional.empty();
    }

    private static Version version(CertificateEntity c, Optional<String> xml) {
        return new Version(CertificateView.of(c), c.history().stream()
                .map(h -> new StateChange(h.state(), h.changedAt())).toList(), xml);
    }

    private List<PendingClaim> pendingClaims(String issuingCountry, String number) {
        return database.inTransaction(em -> CertificateStore.pendingClaims(em, issuingCountry, number).stream()
                .map(p -> new PendingClaim(p.declarationNumber(), p.claimedAt())).toList());
    }
}
