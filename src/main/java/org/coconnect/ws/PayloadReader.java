package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.w3c.dom.Element;

/** Reads a payload through its operation's binding into the domain; the generated types stay here. */
final class PayloadReader {

    /** Header and content; content is null when the payload was not schema-valid, header when unreadable. */
    record Parsed(MessageHeader header, MessageContent content) {
    }

    private PayloadReader() {
    }

    static Parsed read(PayloadBinding<?, ?> binding, Element payload, boolean schemaValid) {
        try {
            return readAs(binding, payload, schemaValid);
        } catch (JAXBException e) {
            return new Parsed(null, null);
        }
    }

    private static <R, C extends MessageContent> Parsed readAs(PayloadBinding<R, C> binding, Element payload,
                                                              boolean schemaValid) throws JAXBException {
        R request = Contract.jaxb().createUnmarshaller().unmarshal(payload, binding.requestType()).getValue();
        MessageHeader header = header(binding.header().apply(request));
        // Content is mapped only from a schema-valid payload: the mappers may rely on what the schema requires.
        return new Parsed(header, schemaValid && header != null ? binding.content().apply(request) : null);
    }

    private static MessageHeader header(MessageHeaderType header) {
        try {
            return header == null ? null : InboundMapper.header(header);
        } catch (RuntimeException e) {
            // An invalid header (bad UUID, missing sender) is already a schema problem; the rejection names it.
            return null;
        }
    }
}
