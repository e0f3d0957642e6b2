package org.coconnect.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Someone who can write the gateway's database and knows the (public, unkeyed) chain algorithm: rewrites,
 * cuts or extends the audit chain with every hash and the head row recomputed, so that only what lies outside
 * the database (the signed checkpoints) can give it away.
 */
public final class AuditForger {

    /** One chained row as stored. */
    private record Row(long seq, Instant at, String kind, String partnerId, String messageId, String detail) {
    }

    private final DataSource database;

    public AuditForger(DataSource database) {
        this.database = database;
    }

    /** Replaces one record's detail and re-hashes it and everything after it, head row included. */
    public void rewrite(long seq, String newDetail) throws Exception {
        List<Row> rows = rows();
        rows.replaceAll(r -> r.seq() == seq ? new Row(r.seq(), r.at(), r.kind(), r.partnerId(), r.messageId(), newDetail) : r);
        store(rows);
    }

    /** Deletes every record after {@code keep} and points the head at the new end. */
    public void truncate(long keep) throws Exception {
        try (Connection c = database.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("delete from audit_event where chain_seq > ?")) {
                delete.setLong(1, keep);
                delete.executeUpdate();
            }
            c.commit();
        }
        store(rows());
    }

    /** Appends a chained record dated {@code at}, with a valid hash and head, at the end of the chain. */
    public void append(Instant when, String detail) throws Exception {
        Instant at = when.truncatedTo(java.time.temporal.ChronoUnit.MICROS);   // what the column keeps
        List<Row> rows = rows();
        rows.add(new Row(rows.size() + 1, at, "ADMIN", null, null, detail));
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into audit_event (at, kind, detail, chain_seq) values (?, 'ADMIN', ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(2, detail);
            insert.setLong(3, rows.size());
            insert.executeUpdate();
            c.commit();
        }
        store(rows);
    }

    private List<Row> rows() throws SQLException {
        var rows = new ArrayList<Row>();
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "select chain_seq, at, kind, partner_id, message_id, detail from audit_event"
                        + " where chain_seq is not null order by chain_seq");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
            c.commit();
        }
        return rows;
    }

    /** Writes every row's detail, links and hash, and the head, as the chainer would have. */
    private void store(List<Row> rows) throws Exception {
        String previous = "0".repeat(64);
        try (Connection c = database.getConnection()) {
            for (Row r : rows) {
                String hash = hash(r, previous);
                try (PreparedStatement update = c.prepareStatement(
                        "update audit_event set detail = ?, prev_hash = ?, hash = ? where chain_seq = ?")) {
                    update.setString(1, r.detail());
                    update.setString(2, previous);
                    update.setString(3, hash);
                    update.setLong(4, r.seq());
                    update.executeUpdate();
                }
                previous = hash;
            }
            try (PreparedStatement head = c.prepareStatement(
                    "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
                head.setLong(1, rows.size());
                head.setString(2, previous);
                head.executeUpdate();
            }
            c.commit();
        }
    }

    private static String hash(Row r, String previous) throws Exception {
        String canonical = String.join("\u001f", Long.toString(r.seq()), previous, r.at().toString(), r.kind(),
                String.valueOf(r.partnerId()), String.valueOf(r.messageId()), r.detail());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
