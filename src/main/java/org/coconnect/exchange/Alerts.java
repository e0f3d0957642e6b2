package org.coconnect.exchange;

import java.time.Clock;
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
}
