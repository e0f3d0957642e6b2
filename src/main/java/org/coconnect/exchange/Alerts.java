package org.coconnect.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.audit.AuditLog;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.AlertStore;
import org.coconnect.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Raises operator alerts: stored in the database and logged with their error code. */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    /**
     * How long repeated refusals of one code from one source count on one alert: an hour keeps a
     * day-long flood to 24 rows per source and code, and still shows within the hour that it goes on.
     */
    public static final Duration REFUSAL_WINDOW = Duration.ofHours(1);
    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final java.util.List<RaisedAlert.Subscriber> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds a subscriber that hears of every alert from now on (also of each repeat; it de-duplicates itself). */
    public void subscribe(RaisedAlert.Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    private void publish(ErrorCode code, String partnerId, String messageId, String detail) {
        var alert = new RaisedAlert(clock.instant(), code, partnerId, messageId, detail);
        for (RaisedAlert.Subscriber subscriber : subscribers) {
            try {
                subscriber.raised(alert);
            } catch (RuntimeException e) {
                LOG.error("An alert subscriber failed on {}", code.code(), e);
            }
        }
    }

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
        publish(code, partnerId, messageId, detail);
    }

    /**
     * Raises an alert for a refused request, coalescing repeats: the first refusal of a code from a source
     * within {@link #REFUSAL_WINDOW} gets an alert (stored and audited); later ones in that window are only
     * counted on it, with the time and detail of the last. So a flood of refusals leaves a bounded number of
     * rows, while a new code or another source still gets its own alert at once. Every refusal is logged.
     *
     * @param source who was refused: the authenticated partner, else the client address
     */
    public void raiseRefusal(ErrorCode code, String source, String partnerId, String messageId, String detail) {
        LOG.warn("ALERT {} partner={} message={} source={}: {}", code.code(), partnerId, messageId, source, detail);
        Instant now = clock.instant();
        String subject = truncate("refused " + source, 160);
        String stored = truncate(detail, 4000);
        try {
            database.inTransaction(em -> {
                var open = AlertStore.latestSince(em, code.code(), subject, now.minus(REFUSAL_WINDOW));
                if (open.isEmpty()) {
                    em.persist(new AlertEntity(now, code.code(), partnerId, messageId, subject, stored));
                    audit.record(em, AuditLog.Kind.ALERT, partnerId, messageId, code.code() + " " + detail);
                } else {
                    AlertStore.countRepeat(em, open.get(), now, stored);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("ALERT {} could not be stored", code.code(), e);
        }
        publish(code, partnerId, messageId, detail);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
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
                boolean recent = AlertStore.latestSince(em, code.code(), subject, now.minus(window)).isPresent();
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
            publish(code, partnerId, messageId, detail);
        }
        return raised;
    }

    /** The newest alerts first, at most {@code limit}: what the alerts command lists. */
    public java.util.List<AlertView> recent(int limit) {
        return database.inTransaction(em -> AlertStore.recent(em, limit).stream()
                .map(a -> new AlertView(a.raisedAt(), a.code(), a.partnerId(), a.messageId(), a.detail(), a.occurrences(),
                        a.lastSeenAt())).toList());
    }
}
