package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;

/** Queries of the evidence kept beside exchanged messages: outbound attempts and rejected inbound messages. */
public final class EvidenceStore {

    private EvidenceStore() {
    }

    public static List<OutboundEvidenceEntity> outbound(EntityManager em, String messageId) {
        return em.createQuery("select e from OutboundEvidenceEntity e where e.messageId = :id order by e.id",
                OutboundEvidenceEntity.class).setParameter("id", messageId).getResultList();
    }

    public static List<RejectionEntity> rejections(EntityManager em, String messageId) {
        return em.createQuery("select r from RejectionEntity r where r.messageId = :id order by r.receivedAt",
                RejectionEntity.class).setParameter("id", messageId).getResultList();
    }

    public static List<MessageEntity> messages(EntityManager em, String messageId) {
        return em.createQuery("select m from MessageEntity m where m.messageId = :id order by m.id",
                MessageEntity.class).setParameter("id", messageId).getResultList();
    }

    /**
     * Erases the envelopes of outbound attempts made before {@code cutoff}, under the rules of the message
     * store: never while the message may still be resent (not delivered) or its CO or inquiry is still open.
     */
    public static int eraseOutboundEnvelopesBefore(EntityManager em, Instant cutoff,
                                                   Collection<CertificateState> openStates, InquiryStatus openInquiry) {
        return em.createQuery("""
                        update OutboundEvidenceEntity e set e.sentEnvelope = null, e.answerEnvelope = null
                        where (e.sentEnvelope is not null or e.answerEnvelope is not null) and e.attemptAt < :cutoff
                          and e.messageId not in (select o.messageId from OutboxEntity o where o.status <> :delivered
                              or o.certificateId in (select c.id from CertificateEntity c where c.state in :openStates)
                              or o.certificateId in (select i.certificateId from InquiryEntity i where i.status = :openInquiry))""")
                .setParameter("cutoff", cutoff)
                .setParameter("delivered", OutboxEntity.Status.DELIVERED)
                .setParameter("openStates", openStates)
                .setParameter("openInquiry", openInquiry)
                .executeUpdate();
    }

    /** A rejected message never enters CO state: its envelope goes with the envelope period alone. */
    public static int eraseRejectionEnvelopesBefore(EntityManager em, Instant cutoff) {
        return em.createQuery("update RejectionEntity r set r.rawEnvelope = null "
                        + "where r.rawEnvelope is not null and r.receivedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
