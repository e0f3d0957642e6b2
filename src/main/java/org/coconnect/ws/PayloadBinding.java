package org.coconnect.ws;

import java.util.function.Function;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.w3c.dom.Element;

/**
 * One operation's payload on the wire: how its generated request type reads into the domain and, for
 * content the gateway composes itself, how that content is written. send-co and send-do carry a document
 * exactly as it was issued and have no writer.
 *
 * @param <R> the operation's generated request type
 * @param <C> the domain content it carries, {@link Operation#contentType()}
 */
record PayloadBinding<R, C extends MessageContent>(Operation operation, Class<R> requestType, Class<C> contentType,
                                                   Function<R, MessageHeaderType> header, Function<R, C> content,
                                                   Writer<C> writer) {

    /** Writes the operation's request element (wrapper, header and content) for a content of ours. */
    @FunctionalInterface
    interface Writer<C> {
        Element write(MessageHeader header, C content);
    }

    PayloadBinding {
        if (contentType != operation.contentType()) {
            throw new IllegalStateException(operation.pathName() + " carries " + operation.contentType().getSimpleName()
                    + ", but its binding reads " + contentType.getSimpleName());
        }
    }

    static <R, C extends MessageContent> PayloadBinding<R, C> of(Operation operation, Class<R> requestType,
            Class<C> contentType, Function<R, MessageHeaderType> header, Function<R, C> content, Writer<C> writer) {
        return new PayloadBinding<>(operation, requestType, contentType, header, content, writer);
    }

    /** A binding for an operation whose content is sent as issued, never composed by the gateway. */
    static <R, C extends MessageContent> PayloadBinding<R, C> sentAsIssued(Operation operation, Class<R> requestType,
            Class<C> contentType, Function<R, MessageHeaderType> header, Function<R, C> content) {
        return new PayloadBinding<>(operation, requestType, contentType, header, content, null);
    }

    /** Writes content of this operation's kind; the caller has checked that it is. */
    Element write(MessageHeader header, MessageContent content) {
        if (writer == null) {
            throw new IllegalArgumentException(operation.pathName() + " is sent as issued, not composed");
        }
        return writer.write(header, contentType.cast(content));
    }
}
