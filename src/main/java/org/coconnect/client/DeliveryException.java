package org.coconnect.client;

/**
 * A message could not be delivered or a question not asked: the partner was unreachable, refused it with a
 * fault, or answered with something we cannot trust. The outbox retries every such failure on its schedule.
 */
public class DeliveryException extends Exception {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
