package org.coconnect.exchange;

import java.time.Instant;

/**
 * An alert as the operators see it: a copy that holds no entity. {@code count} is how many times it
 * happened (refusals repeated within their window are counted on one alert), the last at {@code lastSeenAt}.
 */
public record AlertView(Instant raisedAt, String code, String partnerId, String messageId, String detail, int count,
                        Instant lastSeenAt) {
}
