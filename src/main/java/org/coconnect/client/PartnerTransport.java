package org.coconnect.client;

import java.util.Optional;
import java.util.UUID;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.coconnect.exchange.OutboundEvidence;
import org.w3c.dom.Element;

/**
 * How one partner is reached: over HTTPS, where the acknowledgement is the answer, or by mail, where it
 * comes later in a mail of its own. Both carry the same payload with the same message ID on every attempt.
 */
public interface PartnerTransport {

    /** An acknowledgement of the payload we sent, and the evidence of the attempt (envelopes as sent and received). */
    record Answered(Acknowledgement ack, OutboundEvidence.Attempt evidence) {
    }

    /** Sends one attempt; the partner's acknowledgement with its evidence, or empty when it will arrive later. */
    Optional<Answered> deliver(Operation operation, Element payload, UUID messageId) throws DeliveryException;
}
