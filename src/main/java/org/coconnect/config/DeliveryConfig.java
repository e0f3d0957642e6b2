package org.coconnect.config;

import java.time.Duration;
import org.coconnect.domain.RetrySchedule;

/**
 * Outbound delivery settings.
 *
 * @param pollInterval how often the outbox is checked for due messages
 * @param lease        how long a node's claim on a message lasts before another node may take it
 * @param parallelism  deliveries in flight at once
 */
public record DeliveryConfig(RetrySchedule retrySchedule, Duration pollInterval, Duration lease, int parallelism) {

    public static DeliveryConfig defaults() {
        return new DeliveryConfig(RetrySchedule.FRAMEWORK, Duration.ofSeconds(2), Duration.ofMinutes(5), 4);
    }
}
