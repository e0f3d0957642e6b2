package org.coconnect.exchange;

import java.time.Instant;
import org.coconnect.error.ErrorCode;

/** One alert as raised, for its subscribers (alert mails, the domestic notification callbacks). */
public record RaisedAlert(Instant raisedAt, ErrorCode code, String partnerId, String messageId, String detail) {

    /** Hears of every alert raised; called on the raising thread, so it must hand slow work off and never throw. */
    @FunctionalInterface
    public interface Subscriber {
        void raised(RaisedAlert alert);
    }
}
