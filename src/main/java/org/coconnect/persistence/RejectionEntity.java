package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;

/** A message refused after authentication: metadata, reasons and its raw envelope; it never enters CO state. */
@Entity
@Table(name = "rejection")
public class RejectionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partner_id")
    private String partnerId;
    private String operation;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "payload_digest")
    private String payloadDigest;
    private String codes;
    private String detail;
    @Column(name = "raw_envelope", updatable = false)
    @Basic(fetch = FetchType.LAZY)
    private byte[] rawEnvelope;

    protected RejectionEntity() {
    }

    public RejectionEntity(String partnerId, String operation, String messageId, Instant receivedAt,
                           String payloadDigest, String codes, String detail) {
        this.partnerId = partnerId;
        this.operation = operation;
        this.messageId = messageId;
        this.receivedAt = receivedAt;
        this.payloadDigest = payloadDigest;
        this.codes = codes;
        this.detail = detail;
    }

    /** Keeps the refused message's envelope exactly as received, as evidence of what was refused. */
    public RejectionEntity withRawEnvelope(byte[] envelope) {
        this.rawEnvelope = envelope;
        return this;
    }

    public String partnerId() { return partnerId; }
    public String operation() { return operation; }
    public String messageId() { return messageId; }
    public Instant receivedAt() { return receivedAt; }
    public String codes() { return codes; }
    public String detail() { return detail; }
    public String payloadDigest() { return payloadDigest; }
    public byte[] rawEnvelope() { return rawEnvelope; }
}
