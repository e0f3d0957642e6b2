package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;
import org.coconnect.domain.AcknowledgementStatus;

/** A message waiting for delivery to a partner, or the record of its delivery. */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, REJECTED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partner_id")
    private String partnerId;
    private String operation;
    @Column(name = "message_id")
    private String messageId;
    // Never changes; not updatable, so each attempt's bookkeeping does not rewrite the whole payload.
    @Column(updatable = false)
    private String payload;
    @Column(name = "certificate_id")
    private Long certificateId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "ack_status")
    @Enumerated(EnumType.STRING)
    private AcknowledgementStatus ackStatus;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Version
    @Column(name = "row_version")
    private int rowVersion;

    protected OutboxEntity() {
    }

    public OutboxEntity(String partnerId, String operation, String messageId, String payload, Long certificateId,
                        Instant createdAt) {
        this.partnerId = partnerId;
        this.operation = operation;
        this.messageId = messageId;
        this.payload = payload;
        this.certificateId = certificateId;
        this.status = Status.PENDING;
        this.createdAt = stored(createdAt);
        this.nextAttemptAt = this.createdAt;
    }

    /**
     * Times are kept to the microsecond the databases store, truncated rather than rounded, so a
     * message due "now" is never stored as due a fraction of a microsecond later.
     */
    private static Instant stored(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public Long id() { return id; }
    public String partnerId() { return partnerId; }
    public String operation() { return operation; }
    public String messageId() { return messageId; }
    public String payload() { return payload; }
    public Long certificateId() { return certificateId; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public Instant createdAt() { return createdAt; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant lastAttemptAt() { return lastAttemptAt; }
    public Instant deliveredAt() { return deliveredAt; }
    public String lastError() { return lastError; }
    public AcknowledgementStatus ackStatus() { return ackStatus; }
    public Instant claimedUntil() { return claimedUntil; }

    public void claim(String node, Instant until) {
        this.claimedBy = node;
        this.claimedUntil = until;
    }

    /** One attempt made; {@code next} is null when the schedule is exhausted and the message fails for good. */
    public void recordAttempt(Instant at, String error, Instant next) {
        this.attempts++;
        this.lastAttemptAt = stored(at);
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2048));
        this.nextAttemptAt = stored(next);
        this.status = next == null ? Status.FAILED : Status.PENDING;
        release();
    }

    public void recordAnswer(Instant at, AcknowledgementStatus ackStatus, boolean delivered) {
        this.attempts++;
        this.lastAttemptAt = at;
        this.ackStatus = ackStatus;
        this.status = delivered ? Status.DELIVERED : Status.REJECTED;
        this.deliveredAt = delivered ? at : null;
        this.nextAttemptAt = null;
        this.lastError = null;
        release();
    }

    /**
     * An operator's resend: due now. A waiting message keeps its retry schedule; one already answered
     * or given up gets this one attempt (the outbox gives it up again if it fails).
     */
    public void resendNow(Instant now) {
        this.status = Status.PENDING;
        this.nextAttemptAt = stored(now);
        release();
    }

    private void release() {
        this.claimedBy = null;
        this.claimedUntil = null;
    }
}
