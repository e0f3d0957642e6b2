package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Queries of the audit events. */
public final class AuditEventStore {

    private AuditEventStore() {
    }

    /** Up to {@code limit} events not linked into the chain yet, in the order they were recorded. */
    public static List<AuditEventEntity> unchained(EntityManager em, int limit) {
        return em.createQuery("select e from AuditEventEntity e where e.chainSeq is null order by e.id",
                        AuditEventEntity.class)
                .setMaxResults(limit).getResultList();
    }
}
