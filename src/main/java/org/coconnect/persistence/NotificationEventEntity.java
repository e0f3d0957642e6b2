package org.coconnect.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event the domestic systems are notified of; its ID is stable across retries and restarts. */
@Entity
@Table(name = "notification_event")
public class NotificationEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_id")
    private String eventId;
    private String kind;
    @Column(name = "source_key")
    private String sourceKey;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "message_id")
    private String messageId;
    private String certificate;
    private String detail;

    protected NotificationEventEntity() {
    }

    public NotificationEventEntity(String eventId, String kind, String sourceKey, Instant occurredAt, String partnerId,
                                   String messageId, String certificate, String detail) {
        this.eventId = eventId;
        this.kind = kind;
        this.sourceKey = sourceKey;
        this.occurredAt = occurredAt;
        this.partnerId = partnerId;
        this.messageId = messageId;
        this.certificate = certificate;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public Long id() { return id; }
    public String eventId() { return eventId; }
    public String kind() { return kind; }
    public Instant occurredAt() { return occurredAt; }
    public String partnerId() { return partnerId; }
    public String messageId() { return messageId; }
    public String certificate() { return certificate; }
    public String detail() { return detail; }
}
