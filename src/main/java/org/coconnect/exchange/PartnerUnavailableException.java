package org.coconnect.exchange;

/** A partner's gateway could not be reached for a question, or refused it (e.g. over its rate limit). */
public final class PartnerUnavailableException extends RuntimeException {

    public PartnerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
