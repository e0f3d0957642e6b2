package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.Timeouts;
import org.hibernate.jpa.SpecHints;

/** Queries and updates of the outbox: claiming due messages, leases, and what operators and monitors read. */
public final class OutboxStore {

    /** An outbound message still pending, as the watchdog reports it. */
    public record PendingMessage(String messageId, String partnerId, String operation, Instant createdAt, int attempts,
                                 String lastError) {
    }

    private OutboxStore() {
    }

    /**
     * The ids of up to {@code limit} pending messages due at {@code now} with no live lease, earliest first.
     * With {@code skipLocked}, rows another node is claiming right now are skipped rather than waited for:
     * nodes polling at once split the due messages between them instead of contending for the same.
     */
    public static List<Long> dueIds(EntityManager em, Instant now, int limit, boolean skipLocked) {
        var due = em.createQuery("""
                        select o.id from OutboxEntity o
                        where o.status = :pending and o.nextAttemptAt <= :now
                          and (o.claimedUntil is null or o.claimedUntil < :now)
                        order by o.nextAttemptAt, o.id""", Long.class)
                .setParameter("pending", OutboxEntity.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit);
        if (skipLocked) {
            due.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI);
        }
        return due.getResultList();
    }

    /**
     * Leases one message to {@code node} until {@code until}, only if it is still pending and no live lease is
     * on it when the update runs (whatever an earlier select saw, on either database). Returns whether it did.
     */
    public static boolean claim(EntityManager em, long id, String node, Instant now, Instant until) {
        return em.createQuery("""
                        update OutboxEntity o set o.claimedBy = :node, o.claimedUntil = :until
                        where o.id = :id and o.status = :pending
                          and (o.claimedUntil is null or o.claimedUntil < :now)""")
                .setParameter("node", node)
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("pending", OutboxEntity.Status.PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Drops {@code node}'s live leases on messages still pending; returns how many. */
    public static int releaseClaims(EntityManager em, String node, Instant now) {
        return em.createQuery("""
                        update OutboxEntity o set o.claimedBy = null, o.claimedUntil = null
                        where o.claimedBy = :node and o.status = :pending and o.claimedUntil >= :now""")
                .setParameter("node", node)
                .setParameter("pending", OutboxEntity.Status.PENDING)
                .setParameter("now", now)
                .executeUpdate();
    }

    public static Optional<OutboxEntity> byMessageId(EntityManager em, String messageId) {
        return em.createQuery("select o from OutboxEntity o where o.messageId = :id", OutboxEntity.class)
                .setParameter("id", messageId).getResultStream().findFirst();
    }

    /** Messages not delivered, oldest first. */
    public static List<OutboxEntity> undelivered(EntityManager em) {
        return em.createQuery("select o from OutboxEntity o where o.status <> :delivered order by o.createdAt",
                        OutboxEntity.class)
                .setParameter("delivered", OutboxEntity.Status.DELIVERED).getResultList();
    }

    /** How many messages are pending, and the creation time of the oldest (null when none): one aggregate query. */
    public static Object[] pendingCountAndOldest(EntityManager em) {
        return em.createQuery("select count(o), min(o.createdAt) from OutboxEntity o where o.status = :pending",
                        Object[].class)
                .setParameter("pending", OutboxEntity.Status.PENDING).getSingleResult();
    }

    /** Pending messages created before {@code cutoff}, oldest first. */
    public static List<PendingMessage> pendingSince(EntityManager em, Instant cutoff) {
        return em.createQuery("""
                        select o.messageId, o.partnerId, o.operation, o.createdAt, o.attempts, o.lastError
                        from OutboxEntity o where o.status = :pending and o.createdAt < :cutoff
                        order by o.createdAt""", PendingMessage.class)
                .setParameter("pending", OutboxEntity.Status.PENDING)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }

    /** How many messages are in each status, by status name. */
    public static Map<String, Long> countByStatus(EntityManager em) {
        var counts = new TreeMap<String, Long>();
        em.createQuery("select o.status, count(o) from OutboxEntity o group by o.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(((OutboxEntity.Status) row[0]).name(), (Long) row[1]));
        return counts;
    }

    /** Empties the payload of messages delivered before {@code cutoff}; returns how many. */
    public static int erasePayloadsDeliveredBefore(EntityManager em, Instant cutoff) {
        return em.createNativeQuery("""
                        update outbox set payload = '' where payload <> '' and status = ? and delivered_at < ?""")
                .setParameter(1, OutboxEntity.Status.DELIVERED.name())
                .setParameter(2, cutoff).executeUpdate();
    }
}
