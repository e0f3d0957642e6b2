package org.coconnect.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.coconnect.persistence.AuditChainHeadEntity;
import org.coconnect.persistence.AuditEventEntity;
import org.coconnect.persistence.Database;

/**
 * The hash-chained audit log. {@link #record} adds an event inside the caller's transaction;
 * {@link #chain} links new events into the chain (each hash covers the event and the previous
 * hash); {@link #verify} walks the chain and names the first record that does not match.
 */
public final class AuditLog {

    /** What kind of thing happened. */
    public enum Kind { INBOUND, OUTBOUND, REFUSAL, ALERT, ADMIN, LOOKUP }

    /** The outcome of a verification: empty when intact, else the first broken record and why. */
    public record Verification(long checked, Optional<Long> firstBrokenSeq, String reason) {
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
        em.persist(new AuditEventEntity(clock.instant(), kind.name(), partnerId, messageId, detail));
    }

    /** Adds an event in a transaction of its own. */
    public void record(Kind kind, String partnerId, String messageId, String detail) {
        database.inTransaction(em -> {
            record(em, kind, partnerId, messageId, detail);
            return null;
        });
    }

    /** Links every unchained event into the chain; returns how many were linked. */
    public int chain() {
        int total = 0;
        int linked;
        do {
            linked = database.inTransaction(em -> {
                var head = em.find(AuditChainHeadEntity.class, 1, LockModeType.PESSIMISTIC_WRITE);
                List<AuditEventEntity> events = em.createQuery(
                                "select e from AuditEventEntity e where e.chainSeq is null order by e.id", AuditEventEntity.class)
                        .setMaxResults(BATCH).getResultList();
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

    /** Walks the chain from the start; the first record whose links or hash do not match is named. */
    public Verification verify() {
        return database.inTransaction(em -> {
            String previous = genesis();
            long expectedSeq = 1;
            long checked = 0;
            List<AuditEventEntity> page;
            do {
                page = em.createQuery("select e from AuditEventEntity e where e.chainSeq >= :from order by e.chainSeq",
                        AuditEventEntity.class).setParameter("from", expectedSeq).setMaxResults(BATCH).getResultList();
                for (AuditEventEntity e : page) {
                    if (e.chainSeq() != expectedSeq) {
                        return new Verification(checked, Optional.of(expectedSeq), "record " + expectedSeq + " is missing");
                    }
                    if (!previous.equals(e.prevHash())) {
                        return new Verification(checked, Optional.of(e.chainSeq()), "its link to the previous record is broken");
                    }
                    if (!hash(e.chainSeq(), previous, e).equals(e.hash())) {
                        return new Verification(checked, Optional.of(e.chainSeq()), "its content does not match its hash");
                    }
                    previous = e.hash();
                    expectedSeq++;
                    checked++;
                }
                em.clear();
            } while (page.size() == BATCH);
            var head = em.find(AuditChainHeadEntity.class, 1);
            if (head.lastSeq() != checked) {
                return new Verification(checked, Optional.of(checked + 1), "the chain ends before its recorded head "
                        + head.lastSeq());
            }
            return new Verification(checked, Optional.empty(), "intact");
        });
    }

    private static String genesis() {
        return "0".repeat(64);
    }

    static String hash(long seq, String previous, AuditEventEntity e) {
        String canonical = String.join("\u001f", Long.toString(seq), previous, e.at().toString(), e.kind(),
                String.valueOf(e.partnerId()), String.valueOf(e.messageId()), e.detail());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
