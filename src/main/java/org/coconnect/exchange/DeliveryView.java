package org.coconnect.exchange;

import java.time.Instant;
import org.coconnect.persistence.OutboxEntity;

/** A read-only copy of one outbox message's delivery record, for callers that must not see entities. */
public record DeliveryView(String messageId, String partnerId, String operation, String status, int attempts,
                           Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
                           String ackStatus) {

    static DeliveryView of(OutboxEntity o) {
        return new DeliveryView(o.messageId(), o.partnerId(), o.operation(), o.status().name(), o.attempts(),
                o.createdAt(), o.lastAttemptAt(), o.nextAttemptAt(), o.lastError(),
                o.ackStatus() == null ? null : o.ackStatus().name());
    }
}
