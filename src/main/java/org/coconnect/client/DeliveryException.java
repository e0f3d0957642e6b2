package org.coconnect.client;

/**
 * A message could not be delivered. Technical failures (connection refused, timeout, HTTP 5xx, a
 * server fault) are worth a retry; a client fault (our message was refused before receipt) is not.
 */
public class DeliveryException extends Exception {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
