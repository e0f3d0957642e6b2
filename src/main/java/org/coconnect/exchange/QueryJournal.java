package org.coconnect.exchange;

import java.time.Instant;
import java.util.List;
import org.coconnect.domain.Problem;
import org.coconnect.domain.Severity;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.JournalStore;

/** The journal of every message exchanged, both directions, with its answer and delivery attempts; filtered and paged. */
public final class QueryJournal {

    /** One message in the journal; {@code certificate} is "country/number/version" or null. */
    public record Entry(String direction, String partnerId, String operation, String messageId, Instant at,
                        String status, Instant answeredAt, String digest, String certificate, int attempts,
                        Instant lastAttemptAt, String lastError, List<Problem> problems) {
    }

    /** What to look for; null fields do not filter. Direction INBOUND or OUTBOUND, status upper case. */
    public record Filter(String coNumber, String partnerId, String operation, String status, String direction,
                         Instant from, Instant to) {
    }

    private final Database database;

    public QueryJournal(Database database) {
        this.database = database;
    }

    /** Up to {@code limit} entries after {@code offset}, newest first. */
    public List<Entry> find(Filter f, int offset, int limit) {
        var filter = new JournalStore.Filter(f.coNumber(), f.partnerId(), f.operation(), f.status(), f.direction(),
                f.from(), f.to());
        return database.inTransaction(em -> {
            var rows = JournalStore.find(em, filter, offset, limit);
            var problems = JournalStore.problems(em, rows);
            return rows.stream().map(r -> new Entry(r.direction(), r.partnerId(), r.operation(), r.messageId(), r.at(),
                    r.status(), r.answeredAt(), r.digest(), r.coNumber() == null ? null
                    : r.issuingCountry() + "/" + r.coNumber() + "/" + r.version(), r.attempts(), r.lastAttemptAt(),
                    r.lastError(), r.messagePk() != null ? StoredProblems.fromStored(problems.get(r.messagePk()))
                    : refusal(r.refusalCodes(), r.refusalDetail()))).toList();
        });
    }

    /** A refused message keeps its codes and one text; each code becomes a problem with that text. */
    private static List<Problem> refusal(String codes, String detail) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(codes.split("[,\\s]+")).filter(c -> !c.isBlank())
                .map(c -> new Problem(ErrorCode.fromCode(c).orElse(ErrorCode.INTERNAL_ERROR), Severity.ERROR, detail, null))
                .toList();
    }
}
