package org.coconnect.ws;

import java.util.List;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.w3c.dom.Element;

/** Reads a payload through its operation's binding into the domain; the generated types stay here. */
final class PayloadReader {

    /**
     * Header, content and the schema problems, from one validating pass over the payload; content is
     * null when the payload was not schema-valid, header when unreadable.
     */
    record Parsed(MessageHeader header, MessageContent content, List<Problem> problems) {
    }

    private PayloadReader() {
    }

    static <R, C extends MessageContent> Parsed read(PayloadBinding<R, C> binding, Element payload) {
        PayloadValidator.Checked<R> checked = PayloadValidator.bind(payload, binding.requestType());
        if (checked.value() == null) {
            return new Parsed(null, null, checked.problems());
        }
        MessageHeader header = header(binding.header().apply(checked.value()));
        // Content is mapped only from a schema-valid payload: the mappers may rely on what the schema requires.
        C content = checked.valid() && header != null ? binding.content().apply(checked.value()) : null;
        return new Parsed(header, content, checked.problems());
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
