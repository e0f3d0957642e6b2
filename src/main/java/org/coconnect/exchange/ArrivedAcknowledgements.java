package org.coconnect.exchange;

import java.util.Optional;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.OutboxStore;

/**
 * Acknowledgements that arrive apart from the attempt they answer (the e-mail channel): each settles the
 * outbox message it names, through the same {@link Outbox#recordAnswer} as an answer over HTTPS.
 */
public final class ArrivedAcknowledgements {

    private final Database database;
    private final Outbox outbox;

    public ArrivedAcknowledgements(Database database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /** Settles the message; false when no message with that ID was sent to this partner. */
    public boolean settle(String partnerId, Acknowledgement ack) {
        Optional<Outbox.Delivery> delivery = database.inTransaction(em -> OutboxStore.byMessageId(em,
                        ack.receivedMessageId().toString())
                .filter(o -> o.partnerId().equals(partnerId))
                .map(o -> new Outbox.Delivery(o.id(), o.partnerId(), Operation.byPathName(o.operation()).orElseThrow(),
                        o.messageId(), o.payload())));
        delivery.ifPresent(d -> outbox.recordAnswer(d, ack));
        return delivery.isPresent();
    }
}
