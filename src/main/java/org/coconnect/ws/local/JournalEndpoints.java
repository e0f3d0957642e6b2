package org.coconnect.ws.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.coconnect.exchange.QueryJournal;

/** GET /journal: every message exchanged, both directions, with its answer, filtered and paged. */
final class JournalEndpoints {

    /** Which way a message went. */
    enum Direction { INBOUND, OUTBOUND }

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_OFFSET = 1_000_000;
    private final QueryJournal journal;

    JournalEndpoints(QueryJournal journal) {
        this.journal = journal;
    }

    LocalResponse find(LocalRequest request) {
        var fields = RequestFields.query(request.query(Set.of("number", "partner", "operation", "status", "direction",
                "from", "to", "offset", "limit")));
        String number = fields.identifier("number", false);
        String partner = fields.identifier("partner", false);
        String operation = fields.identifier("operation", false);
        String status = fields.identifier("status", false);
        Direction direction = fields.choice("direction", Direction.class, false);
        var from = fields.instant("from");
        var to = fields.instant("to");
        int offset = fields.number("offset", 0, MAX_OFFSET, 0);
        int limit = fields.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        fields.check();
        if (operation != null && Operation.byPathName(operation).isEmpty()) {
            throw new RejectionException(Problem.error(ErrorCode.LOCAL_INVALID_FIELD, "'" + operation
                    + "' is no operation of the contract, e.g. send-co.", "query operation"));
        }
        var filter = new QueryJournal.Filter(number, partner, operation,
                status == null ? null : status.toUpperCase(Locale.ROOT), direction == null ? null : direction.name(),
                from, to);
        List<QueryJournal.Entry> found = journal.find(filter, offset, limit + 1);
        var json = new LinkedHashMap<String, Object>();
        json.put("entries", found.stream().limit(limit).map(JournalEndpoints::entry).toList());
        json.put("offset", offset);
        json.put("limit", limit);
        json.put("nextOffset", found.size() > limit ? offset + limit : null);
        return LocalResponse.of(200, json);
    }

    static Map<String, Object> entry(QueryJournal.Entry e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("direction", e.direction());
        json.put("partner", e.partnerId());
        json.put("operation", e.operation());
        json.put("messageId", e.messageId());
        json.put("at", e.at());
        json.put("status", e.status());
        json.put("answeredAt", e.answeredAt());
        json.put("digest", e.digest());
        json.put("certificate", e.certificate());
        json.put("attempts", e.attempts());
        json.put("lastAttemptAt", e.lastAttemptAt());
        json.put("lastError", e.lastError());
        json.put("problems", Representations.problemList(e.problems()));
        return json;
    }
}
