package org.coconnect.client;

import org.coconnect.exchange.OutboundEvidence;

/** The partner acknowledged another payload than the one we sent (CC-9101): not a delivery; the evidence is kept. */
public final class DigestMismatchException extends DeliveryException {
    private final transient OutboundEvidence.Attempt evidence;

    DigestMismatchException(String message, OutboundEvidence.Attempt evidence) {
        super(message, null);
        this.evidence = evidence;
    }

    public OutboundEvidence.Attempt evidence() {
        return evidence;
    }
}
