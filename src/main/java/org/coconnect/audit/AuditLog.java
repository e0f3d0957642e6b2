package org.coconnect.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.AuditChainHeadEntity;
import org.coconnect.persistence.AuditEventEntity;
import org.coconnect.persistence.AuditEventStore;
import org.coconnect.persistence.Database;

/**
 * The hash-chained audit log. {@link #record} adds an event inside the caller's transaction;
 * {@link #chain} links new events into the chain (each hash covers the event and the previous
 * hash); {@link #verify} checks it against the signed checkpoints and names the first record that does not hold.
 */
public final class AuditLog {

    /** What kind of thing happened. */
    public enum Kind { INBOUND, OUTBOUND, REFUSAL, ALERT, ADMIN, LOOKUP }

    /**
     * The outcome of a verification: empty when intact, else the first broken record, why, and the code that says
     * which kind of break it is (chain, checkpoint mismatch, checkpoint signature).
     */
    public record Verification(long checked, Optional<Long> firstBrokenSeq, String reason, ErrorCode code) {
        public boolean intact() {
            return firstBrokenSeq.isEmpty();
        }
    }

    private static final int BATCH = 500;
    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Adds an event in the caller's transaction, so it commits (or not) with what it describes. */
    public void record(EntityManager em, Kind kind, String partnerId, String messageId, String detail) {
        // A change asked for through the local interface names the client and its user (issue 16).
        String attributed = Actor.current().map(a -> detail + " [" + a.describe() + "]").orElse(detail);
        em.persist(new AuditEventEntity(clock.instant(), kind.name(), partnerId, messageId, attributed));
    }

    /** Adds an event in a transaction of its own. */
    public void record(Kind kind, String partnerId, String messageId, String detail) {
        database.inTransaction(em -> {
            record(em, kind, partnerId, messageId, detail);
            return null;
        });
    }

    /**
     * Links every unchained event into the chain; returns how many were linked. Synchronized so that the
     * background pass and a caller in this JVM take turns instead of waiting on each other's database lock.
     */
    public synchronized int chain() {
        int total = 0;
        int linked;
        do {
            linked = database.inTransaction(em -> {
                var head = em.find(AuditChainHeadEntity.class, 1, LockModeType.PESSIMISTIC_WRITE);
                List<AuditEventEntity> events = AuditEventStore.unchained(em, BATCH);
                long seq = head.lastSeq();
                String previous = head.lastHash();
                for (AuditEventEntity e : events) {
                    seq++;
                    String hash = hash(seq, previous, e);
                    e.chain(seq, previous, hash);
                    previous = hash;
                }
                head.advance(seq, previous);
                return events.size();
            });
            total += linked;
        } while (linked == BATCH);
        return total;
    }

    /**
     * Verifies the chain against the signed checkpoints, read-only (see {@link AuditChainVerifier}).
     *
     * @param tolerance how far back of an earlier record's time a record may be dated (clock skew between nodes)
     */
    public Verification verify(AuditCheckpoints checkpoints, List<X509Certificate> certificates, Duration tolerance) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setReadOnly(true);
            return new AuditChainVerifier(checkpoints.read(), certificates, tolerance).verify(connection);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the audit chain cannot be read: " + e.getMessage(), e);
        }
    }

    static String genesis() {
        return "0".repeat(64);
    }

    static String hash(long seq, String previous, AuditEventEntity e) {
        return hash(seq, previous, e.at(), e.kind(), e.partnerId(), e.messageId(), e.detail());
    }

    static String hash(long seq, String previous, Instant at, String kind, String partnerId, String messageId,
                       String detail) {
        String canonical = String.join("\u001f", Long.toString(seq), previous, at.toString(), kind,
                String.valueOf(partnerId), String.valueOf(messageId), detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
