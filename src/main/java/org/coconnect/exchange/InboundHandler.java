package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;

/**
 * The business of one inbound operation: the rules its content must meet and the state change it makes
 * inside the receive transaction. One implementation per {@link Operation}, registered in {@link InboundHandlers}.
 *
 * @param <C> the content the operation carries, {@link Operation#contentType()}
 */
interface InboundHandler<C extends MessageContent> {

    Operation operation();

    Class<C> contentType();

    /** Pure checks of the content, before any transaction; errors reject the message, warnings go in the acknowledgement. */
    List<Problem> check(C content, RuleContext context);

    /**
     * Applies the content to stored state in the caller's transaction, queueing any answer it calls for;
     * throws {@link RejectionException} when the message cannot apply, so nothing of it is stored.
     */
    InboundOutcome apply(EntityManager em, InboundMessage in, C content, Instant now);
}
