package org.coconnect.exchange;

import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;

/** Writes the payload of an outbound message (the operation's request element) as XML text. */
public interface OutboundPayloads {

    /** A send-co request carrying the CO information package exactly as issued. */
    String certificate(MessageHeader header, String certificateXml);

    /** A send-do request carrying the Declaration of Origin exactly as made. */
    String declaration(MessageHeader header, String declarationXml);

    /** The request of any other operation, composed from its content. */
    String message(Operation operation, MessageHeader header, MessageContent content);
}
