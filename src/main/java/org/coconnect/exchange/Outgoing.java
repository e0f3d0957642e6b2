package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.UUID;
import org.coconnect.audit.AuditLog;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.persistence.OutboxEntity;

/** Puts messages into the outbox, inside the caller's transaction, so they commit with the change that caused them. */
public final class Outgoing {

    private final AdministrationId self;
    private final OutboundPayloads payloads;
    private final Clock clock;
    private final ChangeAudit changes;

    /** With {@code audit}, each message queued for a domestic system's request is audited with the client. */
    public Outgoing(AdministrationId self, OutboundPayloads payloads, Clock clock, AuditLog audit) {
        this.self = self;
        this.payloads = payloads;
        this.clock = clock;
        this.changes = new ChangeAudit(audit);
    }

    ChangeAudit changes() {
        return changes;
    }

    /** Queues a send-co; returns the new message's ID. */
    UUID certificate(EntityManager em, PartnerRef partner, Long certificateId, String certificateXml) {
        MessageHeader header = header(partner, null);
        em.persist(new OutboxEntity(partner.id(), Operation.SEND_CO.pathName(), header.messageId().toString(),
                payloads.certificate(header, certificateXml), certificateId, header.createdAt()));
        changes.record(em, partner.id(), header.messageId().toString(), "send-co queued");
        return header.messageId();
    }

    /** Queues a send-do carrying the DO exactly as the exporter made it; returns the new message's ID. */
    UUID declaration(EntityManager em, PartnerRef partner, String declarationXml) {
        MessageHeader header = header(partner, null);
        em.persist(new OutboxEntity(partner.id(), Operation.SEND_DO.pathName(), header.messageId().toString(),
                payloads.declaration(header, declarationXml), null, header.createdAt()));
        changes.record(em, partner.id(), header.messageId().toString(), "send-do queued");
        return header.messageId();
    }

    /** Queues a notification, status or feedback; {@code related} is the message it answers, if any. */
    UUID message(EntityManager em, PartnerRef partner, Operation operation, Long certificateId, MessageContent content,
                 UUID related) {
        MessageHeader header = header(partner, related);
        em.persist(new OutboxEntity(partner.id(), operation.pathName(), header.messageId().toString(),
                payloads.message(operation, header, content), certificateId, header.createdAt()));
        changes.record(em, partner.id(), header.messageId().toString(), operation.pathName() + " queued");
        return header.messageId();
    }

    private MessageHeader header(PartnerRef partner, UUID related) {
        return new MessageHeader(UUID.randomUUID(), self, partner.administration(), clock.instant(), related,
                MessageHeader.SCHEMA_VERSION);
    }

    /** The partner a message goes to. */
    public record PartnerRef(String id, AdministrationId administration) {
    }
}
