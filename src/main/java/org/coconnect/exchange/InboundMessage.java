package org.coconnect.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.partner.Partner;

/**
 * A message that passed message security: the authenticated partner, what it says, and the evidence.
 * When {@code formatProblems} is not empty the payload was not schema-valid and {@code content} (and
 * possibly {@code header}) is null.
 *
 * @param messageId the header's message ID, or the nil UUID when it could not be read
 */
public record InboundMessage(Operation operation, Partner partner, UUID messageId, MessageHeader header,
                             MessageContent content, List<Problem> formatProblems, byte[] payloadDigest,
                             byte[] rawEnvelope, String payload, Instant receivedAt) {

    public static final UUID UNREADABLE_ID = new UUID(0, 0);

    public InboundMessage {
        formatProblems = List.copyOf(formatProblems);
        if (content != null && !operation.contentType().isInstance(content)) {
            throw new IllegalArgumentException(operation.pathName() + " carries " + operation.contentType().getSimpleName()
                    + ", not " + content.getClass().getSimpleName());
        }
    }

    public boolean isWellFormed() {
        return formatProblems.isEmpty() && header != null && content != null;
    }
}
