package org.coconnect.config;

import java.time.Duration;

/**
 * Watchdog and alert settings.
 *
 * @param watchdogInterval          how often the watchdog looks for stuck messages and expiring certificates
 * @param stuckAfter                how long a message may stay pending, or a CO wait for its partner, before it alerts
 * @param certificateExpiryWarning  how long before a certificate expires its alert starts
 */
public record MonitoringConfig(Duration watchdogInterval, Duration stuckAfter, Duration certificateExpiryWarning) {

    public static MonitoringConfig defaults() {
        return new MonitoringConfig(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(60));
    }
}
