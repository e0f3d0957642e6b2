package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal: every message exchanged, both directions, in one list: received messages (stored, or refused with
 * a rejection), and sent ones from the outbox with the partner's answer once there is one. Newest first.
 */
public final class JournalStore {

    /** What to look for; null fields do not filter. */
    public record Filter(String coNumber, String partnerId, String operation, String status, String direction,
                         Instant from, Instant to) {
    }

    /** One journal row, before its problems are read. */
    public record Row(String direction, String partnerId, String operation, String messageId, Instant at, String status,
                      Instant answeredAt, String digest, Long messagePk, String issuingCountry, String coNumber,
                      Integer version, int attempts, Instant lastAttemptAt, String lastError, String refusalCodes,
                      String refusalDetail) {
    }

    private static final String TS = "cast(null as timestamp with time zone)";
    private static final String UNION = """
            select 'INBOUND' direction, m.partner_id, m.operation, m.message_id, m.received_at at_time,
                   m.ack_status status, m.ack_at answered_at, m.payload_digest digest, m.id message_pk,
                   c.issuing_country, c.co_number, c.version, 0 attempts, %1$s last_attempt_at,
                   cast(null as varchar(2048)) last_error, cast(null as varchar(1024)) codes,
                   cast(null as varchar(4000)) detail
            from exchanged_message m left join certificate c on c.id = m.certificate_id
            where m.direction = 'INBOUND'
            union all
            select 'INBOUND', r.partner_id, r.operation, r.message_id, r.received_at, 'REJECTED', r.received_at,
                   r.payload_digest, cast(null as bigint), cast(null as varchar(2)), cast(null as varchar(70)),
                   cast(null as int), 0, %1$s, cast(null as varchar(2048)), r.codes, r.detail
            from rejection r
            union all
            select 'OUTBOUND', o.partner_id, o.operation, o.message_id, o.created_at,
                   coalesce(m.ack_status, o.status), m.ack_at, m.payload_digest, m.id, c.issuing_country,
                   c.co_number, c.version, o.attempts, o.last_attempt_at, o.last_error,
                   cast(null as varchar(1024)), cast(null as varchar(4000))
            from outbox o
            left join exchanged_message m on m.direction = 'OUTBOUND' and m.partner_id = o.partner_id
                 and m.message_id = o.message_id
            left join certificate c on c.id = o.certificate_id
            """.formatted(TS);

    private JournalStore() {
    }

    /** At most {@code limit} rows after skipping {@code offset}, newest first. */
    public static List<Row> find(EntityManager em, Filter filter, int offset, int limit) {
        var where = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        add(where, parameters, "co_number", filter.coNumber(), "=");
        add(where, parameters, "partner_id", filter.partnerId(), "=");
        add(where, parameters, "operation", filter.operation(), "=");
        add(where, parameters, "status", filter.status(), "=");
        add(where, parameters, "direction", filter.direction(), "=");
        add(where, parameters, "at_time", filter.from(), ">=");
        add(where, parameters, "at_time", filter.to(), "<");
        String sql = "select * from (" + UNION + ") j" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by j.at_time desc, j.message_id desc";
        var query = em.createNativeQuery(sql, Object[].class).setFirstResult(offset).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        var rows = new ArrayList<Row>();
        for (Object result : query.getResultList()) {
            Object[] r = (Object[]) result;
            rows.add(new Row(text(r[0]), text(r[1]), text(r[2]), text(r[3]), instant(r[4]), text(r[5]), instant(r[6]),
                    text(r[7]), r[8] == null ? null : ((Number) r[8]).longValue(), text(r[9]), text(r[10]),
                    r[11] == null ? null : ((Number) r[11]).intValue(), ((Number) r[12]).intValue(), instant(r[13]),
                    text(r[14]), text(r[15]), text(r[16])));
        }
        return rows;
    }

    /** The problems of the stored messages among the rows, by message row ID. */
    public static Map<Long, List<ProblemEmbeddable>> problems(EntityManager em, List<Row> rows) {
        var problems = new LinkedHashMap<Long, List<ProblemEmbeddable>>();
        for (Row row : rows) {
            if (row.messagePk() != null) {
                problems.put(row.messagePk(), List.copyOf(em.find(MessageEntity.class, row.messagePk()).problems()));
            }
        }
        return problems;
    }

    /**
     * The CO information package of a version as it travelled: the payload of the send-co received for it, or of
     * the send-co queued for it; empty when retention erased it or none was exchanged.
     */
    public static java.util.Optional<String> content(EntityManager em, long certificateId) {
        var received = em.createQuery("""
                select m.payload from MessageEntity m where m.certificateId = :id and m.operation = 'send-co'
                and m.direction = :in and m.payload is not null order by m.id""", String.class)
                .setParameter("id", certificateId).setParameter("in", MessageEntity.Direction.INBOUND)
                .getResultStream().findFirst();
        if (received.isPresent()) {
            return received;
        }
        return em.createQuery("""
                select o.payload from OutboxEntity o where o.certificateId = :id and o.operation = 'send-co'
                order by o.id""", String.class).setParameter("id", certificateId).getResultStream()
                .filter(p -> p != null && !p.isEmpty()).findFirst();
    }

    private static void add(List<String> where, Map<String, Object> parameters, String column, Object value, String op) {
        if (value != null) {
            String name = "p" + parameters.size();
            where.add("j." + column + " " + op + " :" + name);
            parameters.put(name, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof Instant i) {
            return i;
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
