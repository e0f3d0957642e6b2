package org.coconnect.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;
import org.coconnect.config.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** The gateway's database: connection pool, Flyway migrations and the Hibernate session factory. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final boolean skipsLockedRows;

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory, boolean skipsLockedRows) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.skipsLockedRows = skipsLockedRows;
    }

    /** Opens the pool, migrates the schema to the newest version and starts Hibernate. */
    public static Database open(DatabaseSettings settings) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(settings.connectionUrl());
        hikari.setUsername(settings.user());
        hikari.setPassword(settings.password());
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setAutoCommit(false);
        hikari.setPoolName("coconnect");
        var dataSource = new HikariDataSource(hikari);
        try {
            String vendor = settings.isPostgres() ? "postgresql" : "h2";
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            var emf = new HibernatePersistenceConfiguration("coconnect")
                    .managedClasses(MessageEntity.class, CertificateEntity.class, RejectionEntity.class, AlertEntity.class,
                            OutboxEntity.class, PendingClaimEntity.class, AuditEventEntity.class,
                            AuditChainHeadEntity.class, ApprovedExporterEntity.class, PartnerExporterListEntity.class,
                            PartnerApprovedExporterEntity.class, DeclarationEntity.class,
                            InquiryEntity.class, OutboundEvidenceEntity.class, NotificationEventEntity.class,
                            NotificationDeliveryEntity.class)
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .property(AvailableSettings.SHOW_SQL, false)
                    .property(AvailableSettings.STATEMENT_BATCH_SIZE, 20)
                    .createEntityManagerFactory();
            return new Database(dataSource, emf, settings.isPostgres());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is used here: on PostgreSQL, where several nodes
     * share the database; the embedded H2 serves one node and gets plain selects.
     */
    public boolean skipsLockedRows() {
        return skipsLockedRows;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }
}
