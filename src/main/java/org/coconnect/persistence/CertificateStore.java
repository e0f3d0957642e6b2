package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Queries and inserts of CO business state. */
public final class CertificateStore {

    private CertificateStore() {
    }

    /** The CO version, locked for update so that concurrent messages about it are applied one at a time. */
    public static Optional<CertificateEntity> findForUpdate(EntityManager em, String side, String issuingCountry,
                                                            String number, int version) {
        return em.createQuery("""
                        select c from CertificateEntity c
                        where c.side = :side and c.issuingCountry = :country and c.number = :number and c.version = :version""",
                        CertificateEntity.class)
                .setParameter("side", side)
                .setParameter("country", issuingCountry)
                .setParameter("number", number)
                .setParameter("version", version)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public static void insert(EntityManager em, CertificateEntity certificate) {
        em.persist(certificate);
        em.flush();
    }

    public static List<CertificateEntity> all(EntityManager em) {
        return em.createQuery("select c from CertificateEntity c order by c.id", CertificateEntity.class).getResultList();
    }
}
