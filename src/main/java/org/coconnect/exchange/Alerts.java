package org.coconnect.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.audit.AuditLog;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Raises operator alerts: stored in the database and logged with their error code. */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private final Database database;
    private final Clock clock;
    private final AuditLog audit;

    public Alerts(Database database, Clock clock, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
    }

    /** Stores and logs an alert; a failure to store is logged, never thrown, so it cannot mask the original problem. */
    public void raise(ErrorCode code, String partnerId, String messageId, String detail) {
        LOG.warn("ALERT {} partner={} message={}: {}", code.code(), partnerId, messageId, detail);
        try {
            database.inTransaction(em -> {
                em.persist(new AlertEntity(clock.instant(), code.code(), partnerId, messageId, detail));
                audit.record(em, AuditLog.Kind.ALERT, partnerId, messageId, code.code() + " " + detail);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("ALERT {} could not be stored", code.code(), e);
        }
    }

    /**
     * Raises an alert about a lasting condition unless one with the same code and subject was raised
     * within {@code window}, so that a watchdog checking every few minutes alerts once, not on every pass.
     * Returns whether the alert was raised.
     */
    public boolean raiseOnce(Duration window, ErrorCode code, String partnerId, String messageId, String subject,
                             String detail) {
        Instant now = clock.instant();
        boolean raised;
        try {
            raised = database.inTransaction(em -> {
                boolean recent = !em.createQuery("""
                                select a.id from AlertEntity a
                                where a.code = :code and a.subject = :subject and a.raisedAt > :since""", Long.class)
                        .setParameter("code", code.code())
                        .setParameter("subject", subject)
                        .setParameter("since", now.minus(window))
                        .setMaxResults(1)
                        .getResultList().isEmpty();
                if (!recent) {
                    em.persist(new AlertEntity(now, code.code(), partnerId, messageId, subject, detail));
                }
                return !recent;
            });
        } catch (RuntimeException e) {
            // Without the database we cannot tell whether this repeats: logging it again beats losing it.
            LOG.error("ALERT {} could not be stored or checked for repeats", code.code(), e);
            raised = true;
        }
        if (raised) {
            LOG.warn("ALERT {} partner={} message={}: {}", code.code(), partnerId, messageId, detail);
        }
        return raised;
    }

    /** The newest alerts first, at most {@code limit}: what the alerts command lists. */
    public java.util.List<AlertView> recent(int limit) {
        return database.inTransaction(em -> em.createQuery(
                        "select a from AlertEntity a order by a.raisedAt desc", AlertEntity.class)
                .setMaxResults(limit).getResultStream()
                .map(a -> new AlertView(a.raisedAt(), a.code(), a.partnerId(), a.messageId(), a.detail())).toList());
    }
}
