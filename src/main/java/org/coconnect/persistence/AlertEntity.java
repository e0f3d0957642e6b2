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

    protected AlertEntity() {
    }

    public AlertEntity(Instant raisedAt, String code, String partnerId, String messageId, String detail) {
        this.raisedAt = raisedAt;
        this.code = code;
        this.partnerId = partnerId;
        this.messageId = messageId;
        this.detail = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
    }

    public Instant raisedAt() { return raisedAt; }
    public String code() { return code; }
    public String partnerId() { return partnerId; }
    public String messageId() { return messageId; }
    public String detail() { return detail; }
}
