package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryStatus;

/** Queries of verification inquiries. */
public final class InquiryStore {

    private InquiryStore() {
    }

    /** The inquiry with this ID on one side, from or to any partner, locked so that two answers are applied one at a time. */
    public static Optional<InquiryEntity> findForUpdate(EntityManager em, CertificateSide side, String inquiryId) {
        return em.createQuery("""
                        select i from InquiryEntity i where i.side = :side and i.inquiryId = :inquiryId
                        order by i.id""", InquiryEntity.class)
                .setParameter("side", side)
                .setParameter("inquiryId", inquiryId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Whether this partner already used the inquiry ID on this side. */
    public static boolean exists(EntityManager em, CertificateSide side, String partnerId, String inquiryId) {
        return !em.createQuery("""
                        select i.id from InquiryEntity i
                        where i.side = :side and i.partnerId = :partner and i.inquiryId = :inquiryId""", Long.class)
                .setParameter("side", side)
                .setParameter("partner", partnerId)
                .setParameter("inquiryId", inquiryId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The inquiry carried by one of our outbound messages. */
    public static Optional<InquiryEntity> byInquiryMessage(EntityManager em, String messageId) {
        return em.createQuery("select i from InquiryEntity i where i.inquiryMessageId = :messageId", InquiryEntity.class)
                .setParameter("messageId", messageId)
                .getResultStream().findFirst();
    }

    /** Inquiries with any of these IDs on any side (an ID is normally on one side only). */
    public static List<InquiryEntity> byInquiryId(EntityManager em, String inquiryId) {
        return em.createQuery("select i from InquiryEntity i where i.inquiryId = :inquiryId order by i.id",
                        InquiryEntity.class)
                .setParameter("inquiryId", inquiryId)
                .getResultList();
    }

    /** Inquiries matching the filters (null means any), with their COs, oldest question first. */
    public static List<Object[]> search(EntityManager em, CertificateSide side, InquiryStatus status, String partnerId,
                                        String number, int limit) {
        return em.createQuery("""
                        select i, c from InquiryEntity i, CertificateEntity c
                        where c.id = i.certificateId
                          and (:side is null or i.side = :side) and (:status is null or i.status = :status)
                          and (:partner is null or i.partnerId = :partner) and (:number is null or c.number = :number)
                        order by i.askedAt, i.id""", Object[].class)
                .setParameter("side", side)
                .setParameter("status", status)
                .setParameter("partner", partnerId)
                .setParameter("number", number)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Open inquiries asked before {@code cutoff}, with their COs: what the watchdog alerts on. */
    public static List<Object[]> openSince(EntityManager em, InquiryStatus openStatus, Instant cutoff) {
        return em.createQuery("""
                        select i, c from InquiryEntity i, CertificateEntity c
                        where c.id = i.certificateId and i.status = :open and i.askedAt < :cutoff
                        order by i.askedAt, i.id""", Object[].class)
                .setParameter("open", openStatus)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }
}
