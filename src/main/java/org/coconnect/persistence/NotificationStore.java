package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries of the notification events and their callback deliveries. */
public final class NotificationStore {

    private NotificationStore() {
    }

    /** Since when events are derived from stored rows: the migration that introduced them. */
    public static Instant start(EntityManager em) {
        Object value = em.createNativeQuery("select started_at from notification_start where id = 1").getSingleResult();
        return value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    public static boolean exists(EntityManager em, String sourceKey) {
        return !em.createQuery("select e.id from NotificationEventEntity e where e.sourceKey = :key", Long.class)
                .setParameter("key", sourceKey).getResultList().isEmpty();
    }

    /** Received messages not yet turned into an event: [id, operation, partner, message ID, country, number, version]. */
    public static List<Object[]> unpublishedMessages(EntityManager em, Instant since) {
        return em.createQuery("""
                select m.id, m.operation, m.partnerId, m.messageId, c.issuingCountry, c.number, c.version
                from MessageEntity m left join CertificateEntity c on c.id = m.certificateId
                where m.direction = :in and m.receivedAt >= :since and not exists (select e.id from
                  NotificationEventEntity e where e.sourceKey = concat('message:', cast(m.id as String)))
                order by m.id""", Object[].class)
                .setParameter("in", MessageEntity.Direction.INBOUND).setParameter("since", since).getResultList();
    }

    /** Deliveries given up or rejected not yet turned into an event. */
    public static List<OutboxEntity> unpublishedFailures(EntityManager em, Instant since) {
        return em.createQuery("""
                select o from OutboxEntity o where o.status in :failed and o.lastAttemptAt >= :since
                and not exists (select e.id from NotificationEventEntity e where e.sourceKey =
                  concat('delivery:', cast(o.id as String), ':', cast(o.attempts as String)))
                order by o.id""", OutboxEntity.class)
                .setParameter("failed", List.of(OutboxEntity.Status.FAILED, OutboxEntity.Status.REJECTED))
                .setParameter("since", since).getResultList();
    }

    /** Alerts not yet turned into an event. */
    public static List<AlertEntity> unpublishedAlerts(EntityManager em, Instant since) {
        return em.createQuery("""
                select a from AlertEntity a where a.raisedAt >= :since and not exists (select e.id from
                  NotificationEventEntity e where e.sourceKey = concat('alert:', cast(a.id as String)))
                order by a.id""", AlertEntity.class).setParameter("since", since).getResultList();
    }

    /** Events after the one with this sequence number, oldest first. */
    public static List<NotificationEventEntity> after(EntityManager em, long sequence, int limit) {
        return em.createQuery("select e from NotificationEventEntity e where e.id > :after order by e.id",
                NotificationEventEntity.class).setParameter("after", sequence).setMaxResults(limit).getResultList();
    }

    public static Optional<NotificationEventEntity> byEventId(EntityManager em, String eventId) {
        return em.createQuery("select e from NotificationEventEntity e where e.eventId = :id",
                NotificationEventEntity.class).setParameter("id", eventId).getResultStream().findFirst();
    }

    /** Callback deliveries due now, oldest first. */
    public static List<NotificationDeliveryEntity> due(EntityManager em, Instant now, int limit) {
        return em.createQuery("""
                select d from NotificationDeliveryEntity d where d.status = :pending and d.nextAttemptAt <= :now
                order by d.nextAttemptAt, d.id""", NotificationDeliveryEntity.class)
                .setParameter("pending", NotificationDeliveryEntity.Status.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }
}
