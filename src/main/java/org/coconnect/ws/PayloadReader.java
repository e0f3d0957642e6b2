package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import java.util.List;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.w3c.dom.Element;

/** Reads a payload through its operation's binding into the domain; the generated types stay here. */
final class PayloadReader {

    /**
     * Header and content; content is null when the payload was not schema-valid, header when unreadable. A
     * schema-valid payload the binding still cannot read carries its problem here, never a bare null.
     */
    record Parsed(MessageHeader header, MessageContent content, List<Problem> problems) {
    }

    private PayloadReader() {
    }

    static Parsed read(PayloadBinding<?, ?> binding, Element payload, boolean schemaValid) {
        String root = "/m:" + payload.getLocalName();
        try {
            return readAs(binding, payload, schemaValid, root);
        } catch (JAXBException e) {
            return new Parsed(null, null, schemaValid ? List.of(unreadable(root)) : List.of());
        }
    }

    private static <R, C extends MessageContent> Parsed readAs(PayloadBinding<R, C> binding, Element payload,
                                                              boolean schemaValid, String root) throws JAXBException {
        R request = Contract.jaxb().createUnmarshaller().unmarshal(payload, binding.requestType()).getValue();
        MessageHeader header;
        try {
            MessageHeaderType read = binding.header().apply(request);
            header = read == null ? null : InboundMapper.header(read);
        } catch (RuntimeException e) {
            // An invalid header (bad UUID, missing sender) is already a schema problem; a valid one that the
            // binding cannot take still is the payload's, and the rejection must say so.
            return new Parsed(null, null, schemaValid ? List.of(unreadable(root + "/m:MessageHeader")) : List.of());
        }
        if (!schemaValid) {
            // Content is mapped only from a schema-valid payload: the mappers may rely on what the schema requires.
            return new Parsed(header, null, List.of());
        }
        if (header == null) {
            return new Parsed(null, null, List.of(unreadable(root + "/m:MessageHeader")));
        }
        try {
            return new Parsed(header, binding.content().apply(request), List.of());
        } catch (RuntimeException e) {
            return new Parsed(header, null, List.of(unreadable(root)));
        }
    }

    /**
     * A value the schema accepts but the binding cannot read: JAXB does not collapse the spaces around an
     * enumerated code ("KR ") as the schema's whitespace rule does. Found by FuzzedRequestsIT (it was CC-9001).
     */
    private static Problem unreadable(String location) {
        return Problem.error(ErrorCode.SCHEMA_INVALID, "A value here cannot be read although the schema accepts it;"
                + " write coded values (country, currency, unit, ...) without spaces around them.", location);
    }
}
