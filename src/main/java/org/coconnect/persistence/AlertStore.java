package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries and updates of stored operator alerts. */
public final class AlertStore {

    private AlertStore() {
    }

    /** The newest alert with this code and subject raised after {@code since}, if any. */
    public static Optional<Long> latestSince(EntityManager em, String code, String subject, Instant since) {
        return em.createQuery("""
                        select a.id from AlertEntity a
                        where a.code = :code and a.subject = :subject and a.raisedAt > :since
                        order by a.raisedAt desc""", Long.class)
                .setParameter("code", code)
                .setParameter("subject", subject)
                .setParameter("since", since)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Counts one more occurrence on an alert, in one statement, so that concurrent repeats add up rather than
     * overwrite each other's count.
     */
    public static void countRepeat(EntityManager em, long alertId, Instant now, String detail) {
        em.createQuery("""
                        update AlertEntity a set a.occurrences = a.occurrences + 1, a.lastSeenAt = :now,
                          a.lastDetail = :detail where a.id = :id""")
                .setParameter("now", now).setParameter("detail", detail).setParameter("id", alertId)
                .executeUpdate();
    }

    /** The newest alerts first, at most {@code limit}. */
    public static List<AlertEntity> recent(EntityManager em, int limit) {
        return em.createQuery("select a from AlertEntity a order by a.raisedAt desc", AlertEntity.class)
                .setMaxResults(limit).getResultList();
    }
}
