package org.coconnect.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one gateway's health, as served on the health endpoint.
 *
 * @param outboxPending    messages waiting for delivery; null when the database cannot be read
 * @param oldestPendingAge how long the oldest of them has waited; zero when none, null when unknown
 * @param problems         why the status is not UP, one line each
 */
public record Health(Status status, Instant checkedAt, boolean databaseReachable, Long outboxPending,
                     Duration oldestPendingAge, boolean certificatesValid, List<String> problems) {

    /** UP: all well. DEGRADED: exchanging, but some need attention. DOWN: the gateway cannot work. */
    public enum Status { UP, DEGRADED, DOWN }

    public Health {
        problems = List.copyOf(problems);
    }
}
