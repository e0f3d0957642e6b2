package org.coconnect.config;

import java.time.Duration;

/**
 * Watchdog and alert settings.
 *
 * @param watchdogInterval          how often the watchdog looks for stuck messages and expiring certificates
 * @param stuckAfter                how long a message may stay pending, or a CO wait for its partner, before it alerts
 * @param certificateExpiryWarning  how long before a certificate expires its alert starts
 * @param inquiryUnansweredAfter    how long a verification inquiry may stay unanswered before it alerts
 */
public record MonitoringConfig(Duration watchdogInterval, Duration stuckAfter, Duration certificateExpiryWarning,
                               Duration inquiryUnansweredAfter) {

    /** The default for {@code alerts.inquiry-unanswered-after}: a working week's patience is too much, a day too little. */
    public static final Duration INQUIRY_UNANSWERED_AFTER = Duration.ofDays(3);

    /** Settings with the default inquiry threshold. */
    public MonitoringConfig(Duration watchdogInterval, Duration stuckAfter, Duration certificateExpiryWarning) {
        this(watchdogInterval, stuckAfter, certificateExpiryWarning, INQUIRY_UNANSWERED_AFTER);
    }

    public static MonitoringConfig defaults() {
        return new MonitoringConfig(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(60));
    }

    /** The same settings with another inquiry threshold. */
    public MonitoringConfig withInquiryUnansweredAfter(Duration threshold) {
        return new MonitoringConfig(watchdogInterval, stuckAfter, certificateExpiryWarning, threshold);
    }
}
