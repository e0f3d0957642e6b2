package org.coconnect.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.coconnect.domain.CertificateSide;

/** The queries behind Declarations of Origin and approved-exporter lists, inside the caller's transaction. */
public final class DeclarationStore {

    private DeclarationStore() {
    }

    public static Optional<ApprovedExporterEntity> exporterForUpdate(EntityManager em, String exporterId) {
        return em.createQuery("select e from ApprovedExporterEntity e where e.exporterId = :id", ApprovedExporterEntity.class)
                .setParameter("id", exporterId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** The same, without a lock: for lookups that change nothing. */
    public static Optional<ApprovedExporterEntity> exporter(EntityManager em, String exporterId) {
        return em.createQuery("select e from ApprovedExporterEntity e where e.exporterId = :id", ApprovedExporterEntity.class)
                .setParameter("id", exporterId).getResultStream().findFirst();
    }

    public static List<ApprovedExporterEntity> exporters(EntityManager em) {
        return em.createQuery("select e from ApprovedExporterEntity e order by e.exporterId", ApprovedExporterEntity.class)
                .getResultList();
    }

    /** The partner's list head, locked so that two lists from one partner are applied one after the other. */
    public static Optional<PartnerExporterListEntity> partnerListForUpdate(EntityManager em, String partnerId) {
        return Optional.ofNullable(em.find(PartnerExporterListEntity.class, partnerId, LockModeType.PESSIMISTIC_WRITE));
    }

    public static Optional<PartnerApprovedExporterEntity> partnerExporter(EntityManager em, String partnerId, String exporterId) {
        return em.createQuery("select e from PartnerApprovedExporterEntity e where e.partnerId = :p and e.exporterId = :id",
                        PartnerApprovedExporterEntity.class)
                .setParameter("p", partnerId).setParameter("id", exporterId).getResultStream().findFirst();
    }

    public static void replacePartnerExporters(EntityManager em, String partnerId, List<PartnerApprovedExporterEntity> entries) {
        em.createQuery("delete from PartnerApprovedExporterEntity e where e.partnerId = :p").setParameter("p", partnerId)
                .executeUpdate();
        entries.forEach(em::persist);
    }

    public static Optional<DeclarationEntity> declaration(EntityManager em, CertificateSide side, String exportingCountry, String number) {
        return em.createQuery("select d from DeclarationEntity d where d.side = :side and d.exportingCountry = :country"
                        + " and d.number = :number", DeclarationEntity.class)
                .setParameter("side", side).setParameter("country", exportingCountry).setParameter("number", number)
                .getResultStream().findFirst();
    }

    public static List<DeclarationEntity> declarationsNumbered(EntityManager em, String number) {
        return em.createQuery("select d from DeclarationEntity d where d.number = :number order by d.id",
                DeclarationEntity.class).setParameter("number", number).getResultList();
    }
}
