package org.coconnect.domain;

/** Thrown when an event is not allowed in a CO's current state. */
public class InvalidTransitionException extends RuntimeException {
    private final CertificateState from;
    private final CertificateEvent event;

    public InvalidTransitionException(CertificateState from, CertificateEvent event) {
        super("A CO in state " + from + " does not allow " + event);
        this.from = from;
        this.event = event;
    }

    public CertificateState from() {
        return from;
    }

    public CertificateEvent event() {
        return event;
    }
}
