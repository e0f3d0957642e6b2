package org.coconnect.client;

import java.util.Optional;
import java.util.UUID;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.w3c.dom.Element;

/**
 * How one partner is reached: over HTTPS, where the acknowledgement is the answer, or by mail, where it
 * comes later in a mail of its own. Both carry the same payload with the same message ID on every attempt.
 */
public interface PartnerTransport {

    /** Sends one attempt; the partner's acknowledgement, or empty when it will arrive on its own later. */
    Optional<Acknowledgement> deliver(Operation operation, Element payload, UUID messageId) throws DeliveryException;
}
