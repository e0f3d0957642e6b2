package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;

/**
 * The one table of inbound handlers, one per operation. Built at start-up, it refuses to exist with an
 * operation unhandled, handled twice, or handled for another kind of content than the operation carries:
 * a gap is found when the gateway starts, never as a cast failing on the wire.
 */
final class InboundHandlers {

    private final Map<Operation, InboundHandler<?>> byOperation = new EnumMap<>(Operation.class);

    InboundHandlers(List<InboundHandler<?>> handlers) {
        for (InboundHandler<?> handler : handlers) {
            if (handler.contentType() != handler.operation().contentType()) {
                throw new IllegalStateException(handler.getClass().getSimpleName() + " handles "
                        + handler.contentType().getSimpleName() + ", but " + handler.operation().pathName() + " carries "
                        + handler.operation().contentType().getSimpleName());
            }
            if (byOperation.put(handler.operation(), handler) != null) {
                throw new IllegalStateException("two inbound handlers for " + handler.operation().pathName());
            }
        }
        for (Operation operation : Operation.values()) {
            if (!byOperation.containsKey(operation)) {
                throw new IllegalStateException("no inbound handler for " + operation.pathName());
            }
        }
    }

    /** Every operation the framework and its annexes define, with the handler that owns it. */
    static InboundHandlers all(Outgoing outgoing) {
        return new InboundHandlers(List.of(new CertificateHandler(), new CancellationNoticeHandler(outgoing),
                new CancellationStatusHandler(), new FeedbackHandler(), new DeclarationHandler(),
                new ExporterListHandler(), new InquiryHandler(), new InquiryAnswerHandler()));
    }

    /** The content rules of the message's operation; the message must be well-formed. */
    List<Problem> check(InboundMessage in, RuleContext context) {
        return check(byOperation.get(in.operation()), in.content(), context);
    }

    /** Applies the message through its operation's handler, in the caller's transaction. */
    InboundOutcome apply(EntityManager em, InboundMessage in, Instant now) {
        return apply(byOperation.get(in.operation()), em, in, now);
    }

    private static <C extends MessageContent> List<Problem> check(InboundHandler<C> handler, MessageContent content,
                                                                 RuleContext context) {
        return handler.check(handler.contentType().cast(content), context);
    }

    private static <C extends MessageContent> InboundOutcome apply(InboundHandler<C> handler, EntityManager em,
                                                                  InboundMessage in, Instant now) {
        return handler.apply(em, in, handler.contentType().cast(in.content()), now);
    }
}
