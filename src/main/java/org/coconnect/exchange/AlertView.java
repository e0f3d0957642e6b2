package org.coconnect.exchange;

import java.time.Instant;

/** An alert as the operators see it: a copy that holds no entity. */
public record AlertView(Instant raisedAt, String code, String partnerId, String messageId, String detail) {
}
