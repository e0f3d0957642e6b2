package org.coconnect.exchange;

import java.time.Duration;
import org.coconnect.domain.Operation;

/**
 * What the exchange reports for monitoring. Implemented outside this layer, so that use cases stay
 * free of any metrics library.
 */
public interface ExchangeMetrics {

    /** Records nothing: for callers that do not monitor, such as command-line tools. */
    ExchangeMetrics NONE = new ExchangeMetrics() {
        @Override
        public void received(Operation operation, String outcome) {
        }

        @Override
        public void sent(Operation operation, String outcome) {
        }

        @Override
        public void acknowledged(Operation operation, Duration sinceQueued) {
        }
    };

    /**
     * An inbound message was answered.
     *
     * @param operation the operation it came in on; null when the path names none
     * @param outcome   the acknowledgement status we gave, or the error code of the fault we answered with
     */
    void received(Operation operation, String outcome);

    /**
     * One delivery attempt ended.
     *
     * @param outcome the partner's acknowledgement status, the error code of its fault, or {@code ERROR} when
     *                no readable answer came back
     */
    void sent(Operation operation, String outcome);

    /** A partner acknowledged a message this long after it was queued (retries included). */
    void acknowledged(Operation operation, Duration sinceQueued);
}
