package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;

/** Queries and inserts of CO business state. */
public final class CertificateStore {

    private CertificateStore() {
    }

    /**
     * The CO version issued by one issuer (a partner id on the IMPORT side, {@link CertificateEntity#OWN_ISSUER}
     * on the EXPORT side), locked for update so that concurrent messages about it are applied one at a time.
     */
    public static Optional<CertificateEntity> findForUpdate(EntityManager em, CertificateSide side, String issuer,
                                                            String issuingCountry, String number, int version) {
        return em.createQuery("""
                        select c from CertificateEntity c
                        where c.side = :side and c.issuerPartnerId = :issuer and c.issuingCountry = :country
                          and c.number = :number and c.version = :version""", CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("issuer", issuer)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .setParameter("version", version)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The CO version from every issuer (our officers name a CO by country and number only), locked, oldest first. */
    public static List<CertificateEntity> matchingForUpdate(EntityManager em, CertificateSide side, String issuingCountry,
                                                            String number, int version) {
        return em.createQuery("""
                        select c from CertificateEntity c
                        where c.side = :side and c.issuingCountry = :country and c.number = :number and c.version = :version
                        order by c.id""", CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .setParameter("version", version)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public static void insert(EntityManager em, CertificateEntity certificate) {
        em.persist(certificate);
        em.flush();
    }

    public static List<CertificateEntity> all(EntityManager em) {
        return em.createQuery("select c from CertificateEntity c order by c.id", CertificateEntity.class).getResultList();
    }

    /** Every version of a CO on one side from every issuer, newest first, locked for update. */
    public static List<CertificateEntity> versionsForUpdate(EntityManager em, CertificateSide side, String issuingCountry,
                                                            String number) {
        return em.createQuery("""
                        select c from CertificateEntity c
                        where c.side = :side and c.issuingCountry = :country and c.number = :number
                        order by c.version desc, c.id""", CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Claims waiting for this CO, to be applied when it arrives. */
    public static List<PendingClaimEntity> pendingClaims(EntityManager em, String issuingCountry, String number) {
        return em.createQuery("""
                        select p from PendingClaimEntity p
                        where p.issuingCountry = :country and p.number = :number order by p.claimedAt""",
                        PendingClaimEntity.class)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .getResultList();
    }

    /** COs matching the filters (null means any), newest first. */
    public static List<CertificateEntity> search(EntityManager em, CertificateSide side, String number,
                                                 String partnerId, CertificateState state, int limit) {
        return em.createQuery("""
                        select c from CertificateEntity c
                        where (:side is null or c.side = :side) and (:number is null or c.number = :number)
                          and (:partner is null or c.partnerId = :partner) and (:state is null or c.state = :state)
                        order by c.updatedAt desc""", CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("number", number)
                .setParameter("partner", partnerId)
                .setParameter("state", state)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One CO version held on one side, from whichever issuer. */
    public static Optional<CertificateEntity> find(EntityManager em, CertificateSide side, String issuingCountry, String number,
                                                   int version) {
        return em.createQuery("""
                        select c from CertificateEntity c where c.side = :side and c.issuingCountry = :country
                          and c.number = :number and c.version = :version""", CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .setParameter("version", version)
                .getResultStream().findFirst();
    }

    /** Every version of one CO held on one side, oldest version first. */
    public static List<CertificateEntity> versions(EntityManager em, CertificateSide side, String issuingCountry, String number) {
        return em.createQuery("""
                        select c from CertificateEntity c where c.side = :side and c.issuingCountry = :country
                          and c.number = :number order by c.version""", CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .getResultList();
    }

    /** A CO left in a waiting state, as the watchdog reports it. */
    public record WaitingCertificate(CertificateSide side, String issuingCountry, String number, int version, String partnerId,
                                     CertificateState state, Instant updatedAt) {
    }

    /**
     * COs in one of {@code states} unchanged since before {@code cutoff}, oldest change first; those whose
     * outbound message is still pending are left out (that message is what they wait for).
     */
    public static List<WaitingCertificate> waitingSince(EntityManager em, Collection<CertificateState> states, Instant cutoff) {
        return em.createQuery("""
                        select c.side, c.issuingCountry, c.number, c.version, c.partnerId, c.state, c.updatedAt
                        from CertificateEntity c where c.state in :waiting and c.updatedAt < :cutoff
                          and not exists (select o.id from OutboxEntity o
                                          where o.certificateId = c.id and o.status = :pending)
                        order by c.updatedAt""", WaitingCertificate.class)
                .setParameter("waiting", states)
                .setParameter("cutoff", cutoff)
                .setParameter("pending", OutboxEntity.Status.PENDING)
                .getResultList();
    }
}
