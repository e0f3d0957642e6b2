package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;

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

    /**
     * Erases the decrypted payloads of messages received before {@code cutoff}, except those about a CO in one
     * of {@code openStates} or with an inquiry in {@code openInquiry} status; returns how many.
     */
    public static int erasePayloadsBefore(EntityManager em, Instant cutoff, Collection<CertificateState> openStates,
                                          InquiryStatus openInquiry) {
        return eraseContent(em, "payload", cutoff, openStates, openInquiry);
    }

    /** Like {@link #erasePayloadsBefore}, for the raw envelopes. */
    public static int eraseEnvelopesBefore(EntityManager em, Instant cutoff, Collection<CertificateState> openStates,
                                           InquiryStatus openInquiry) {
        return eraseContent(em, "rawEnvelope", cutoff, openStates, openInquiry);
    }

    /** Messages about a CO still open, or with an inquiry still open, keep their content. */
    private static final String NOT_STILL_NEEDED = """
             and (m.certificateId is null or (
                  m.certificateId not in (select c.id from CertificateEntity c where c.state in :openStates)
              and m.certificateId not in (select i.certificateId from InquiryEntity i where i.status = :openInquiry)))""";

    private static int eraseContent(EntityManager em, String column, Instant cutoff, Collection<CertificateState> openStates,
                                    InquiryStatus openInquiry) {
        return em.createQuery("update MessageEntity m set m." + column + " = null where m." + column
                        + " is not null and m.receivedAt < :cutoff " + NOT_STILL_NEEDED)
                .setParameter("cutoff", cutoff)
                .setParameter("openStates", openStates)
                .setParameter("openInquiry", openInquiry)
                .executeUpdate();
    }

    public static List<MessageEntity> all(EntityManager em) {
        return em.createQuery("select m from MessageEntity m order by m.id", MessageEntity.class).getResultList();
    }
}
