package org.coconnect.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.coconnect.exchange.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a gateway's health: DOWN without its database; DEGRADED when a certificate is not valid or the
 * oldest undelivered message has waited past the alert threshold; otherwise UP.
 */
public final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final Supplier<Outbox.Backlog> backlog;
    private final Clock clock;
    private final Duration stuckAfter;
    private final List<WatchedCertificate> certificates;

    public HealthCheck(DataSource dataSource, Supplier<Outbox.Backlog> backlog, Clock clock, Duration stuckAfter,
                       List<WatchedCertificate> certificates) {
        this.dataSource = dataSource;
        this.backlog = backlog;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.certificates = List.copyOf(certificates);
    }

    public Health check() {
        Instant now = clock.instant();
        var problems = new ArrayList<String>();
        boolean databaseReachable = databaseReachable(problems);
        Outbox.Backlog waiting = databaseReachable ? backlog(problems) : null;
        Duration oldest = waiting == null ? null
                : waiting.oldestCreatedAt() == null ? Duration.ZERO : Duration.between(waiting.oldestCreatedAt(), now);
        if (oldest != null && oldest.compareTo(stuckAfter) > 0) {
            problems.add("the oldest undelivered message has waited " + oldest + ", longer than " + stuckAfter);
        }
        boolean certificatesValid = true;
        for (WatchedCertificate c : certificates) {
            if (!c.isValidAt(now)) {
                certificatesValid = false;
                problems.add(c.description() + " is not valid now (valid until " + c.notAfter() + ")");
            }
        }
        Health.Status status = !databaseReachable || waiting == null ? Health.Status.DOWN
                : problems.isEmpty() ? Health.Status.UP : Health.Status.DEGRADED;
        return new Health(status, now, databaseReachable, waiting == null ? null : waiting.pending(), oldest,
                certificatesValid, problems);
    }

    /** A trivial query through the pool: what every exchange needs first. */
    private boolean databaseReachable(List<String> problems) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Health check: database unreachable: {}", e.getMessage());
            problems.add("database unreachable: " + e.getMessage());
            return false;
        }
    }

    private Outbox.Backlog backlog(List<String> problems) {
        try {
            return backlog.get();
        } catch (RuntimeException e) {
            LOG.warn("Health check: outbox cannot be read", e);
            problems.add("outbox cannot be read: " + e.getMessage());
            return null;
        }
    }
}
