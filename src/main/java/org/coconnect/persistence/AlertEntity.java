package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;

/** An alert for the operators. */
@Entity
@Table(name = "alert")
public class AlertEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "raised_at")
    private Instant raisedAt;
    private String code;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "message_id")
    private String messageId;
    private String detail;
    private String subject;

    protected AlertEntity() {
    }

    public AlertEntity(Instant raisedAt, String code, String partnerId, String messageId, String detail) {
        this(raisedAt, code, partnerId, messageId, null, detail);
    }

    /** An alert about a lasting condition; {@code subject} names what it is about, e.g. {@code message:<id>}. */
    public AlertEntity(Instant raisedAt, String code, String partnerId, String messageId, String subject, String detail) {
        this.raisedAt = raisedAt;
        this.subject = StorableText.of(subject);
        this.code = code;
        this.partnerId = StorableText.of(partnerId);
        this.messageId = StorableText.of(messageId);
        detail = StorableText.of(detail);
        this.detail = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
    }

    public Instant raisedAt() { return raisedAt; }
    public String code() { return code; }
    public String partnerId() { return partnerId; }
    public String messageId() { return messageId; }
    public String detail() { return detail; }
    public String subject() { return subject; }
}
