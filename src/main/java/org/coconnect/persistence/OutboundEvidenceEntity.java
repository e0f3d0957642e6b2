package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;

/** One outbound attempt as evidence: our envelope as sent and the partner's answer as received, or a failure's digest. */
@Entity
@Table(name = "outbound_evidence")
public class OutboundEvidenceEntity {

    /** How the attempt ended. */
    public enum Outcome {
        /** The partner acknowledged it (any status) and the answer's digest is the one we sent. */
        ACKNOWLEDGED,
        /** The partner answered with the digest of another payload: not a delivery. */
        DIGEST_MISMATCH,
        /** No readable, signed answer: metadata and digest only. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partner_id")
    private String partnerId;
    private String operation;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "attempt_at")
    private Instant attemptAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "payload_digest")
    private String payloadDigest;
    @Column(name = "answer_digest")
    private String answerDigest;
    @Column(name = "sent_envelope_digest")
    private String sentEnvelopeDigest;
    @Column(name = "sent_envelope")
    @Basic(fetch = FetchType.LAZY)
    private byte[] sentEnvelope;
    @Column(name = "answer_envelope")
    @Basic(fetch = FetchType.LAZY)
    private byte[] answerEnvelope;
    @Column(name = "answer_signer")
    private byte[] answerSigner;
    private String detail;

    protected OutboundEvidenceEntity() {
    }

    public OutboundEvidenceEntity(String partnerId, String operation, String messageId, Instant attemptAt,
                                  Outcome outcome, String payloadDigest, String detail) {
        this.partnerId = partnerId;
        this.operation = operation;
        this.messageId = messageId;
        this.attemptAt = attemptAt;
        this.outcome = outcome;
        this.payloadDigest = payloadDigest;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
    }

    /** The envelope as it left us and the answer as it reached us, with the certificate that signed the answer. */
    public OutboundEvidenceEntity withEnvelopes(byte[] sent, String sentDigest, byte[] answer, String answerPayloadDigest,
                                                byte[] signer) {
        this.sentEnvelope = sent;
        this.sentEnvelopeDigest = sentDigest;
        this.answerEnvelope = answer;
        this.answerDigest = answerPayloadDigest;
        this.answerSigner = signer;
        return this;
    }

    public Long id() { return id; }
    public String partnerId() { return partnerId; }
    public String operation() { return operation; }
    public String messageId() { return messageId; }
    public Instant attemptAt() { return attemptAt; }
    public Outcome outcome() { return outcome; }
    public String payloadDigest() { return payloadDigest; }
    public String answerDigest() { return answerDigest; }
    public String sentEnvelopeDigest() { return sentEnvelopeDigest; }
    public byte[] sentEnvelope() { return sentEnvelope; }
    public byte[] answerEnvelope() { return answerEnvelope; }
    public byte[] answerSigner() { return answerSigner; }
    public String detail() { return detail; }
}
