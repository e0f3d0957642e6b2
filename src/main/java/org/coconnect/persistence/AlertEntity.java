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
    // Refusals repeated within their window count here rather than as rows of their own.
    private int occurrences = 1;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;
    @Column(name = "last_detail")
    private String lastDetail;

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

    public Long id() { return id; }
    public Instant raisedAt() { return raisedAt; }
    public String code() { return code; }
    public String partnerId() { return partnerId; }
    public String messageId() { return messageId; }
    public String detail() { return detail; }
    public String subject() { return subject; }
    public int occurrences() { return occurrences; }
    /** When the last of the occurrences counted here happened; the raised-at time when there was one. */
    public Instant lastSeenAt() { return lastSeenAt == null ? raisedAt : lastSeenAt; }
    /** The detail of the last occurrence counted here; the detail when there was one. */
    public String lastDetail() { return lastDetail == null ? detail : lastDetail; }
}
