package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Queries and inserts of CO business state. */
public final class CertificateStore {

    private CertificateStore() {
    }

    /**
     * The CO version issued by one issuer (a partner id on the IMPORT side, {@link CertificateEntity#OWN_ISSUER}
     * on the EXPORT side), locked for update so that concurrent messages about it are applied one at a time.
     */
    public static Optional<CertificateEntity> findForUpdate(EntityManager em, String side, String issuer,
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
    public static List<CertificateEntity> matchingForUpdate(EntityManager em, String side, String issuingCountry,
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
    public static List<CertificateEntity> versionsForUpdate(EntityManager em, String side, String issuingCountry,
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
    public static List<CertificateEntity> search(EntityManager em, String side, String number, String partnerId,
                                                 String state, int limit) {
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
}
