package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Queries and inserts of exchanged messages. */
public final class MessageStore {

    private MessageStore() {
    }

    public static Optional<MessageEntity> find(EntityManager em, MessageEntity.Direction direction,
                                               String partnerId, String messageId) {
        return em.createQuery("""
                        select m from MessageEntity m
                        where m.direction = :direction and m.partnerId = :partner and m.messageId = :id""",
                        MessageEntity.class)
                .setParameter("direction", direction)
                .setParameter("partner", partnerId)
                .setParameter("id", messageId)
                .getResultStream().findFirst();
    }

    /** Inserts and flushes at once, so that a duplicate fails here, on the unique constraint. */
    public static void insert(EntityManager em, MessageEntity message) {
        em.persist(message);
        em.flush();
    }

    public static long count(EntityManager em) {
        return em.createQuery("select count(m) from MessageEntity m", Long.class).getSingleResult();
    }

    public static List<MessageEntity> all(EntityManager em) {
        return em.createQuery("select m from MessageEntity m order by m.id", MessageEntity.class).getResultList();
    }
}
