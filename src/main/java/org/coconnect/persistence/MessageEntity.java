package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;
import org.coconnect.domain.AcknowledgementStatus;
import java.util.ArrayList;
import java.util.List;

/** A stored message with its evidence (raw envelope, payload, digest) and the acknowledgement we gave. */
@Entity
@Table(name = "exchanged_message")
public class MessageEntity {
    /** Inbound from a partner or outbound to one. */
    public enum Direction { INBOUND, OUTBOUND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    @Column(name = "partner_id")
    private String partnerId;
    private String operation;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "related_message_id")
    private String relatedMessageId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "payload_digest")
    private String payloadDigest;
    // Evidence is written once. Not updatable, so recording the acknowledgement does not send
    // the envelope and payload (megabytes for a large CO) to the database a second time.
    @Column(name = "raw_envelope", updatable = false)
    @Basic(fetch = FetchType.LAZY)
    private byte[] rawEnvelope;
    @Column(updatable = false)
    @Basic(fetch = FetchType.LAZY)
    private String payload;
    @Column(name = "ack_status")
    @Enumerated(EnumType.STRING)
    private AcknowledgementStatus ackStatus;
    @Column(name = "ack_at")
    private Instant ackAt;
    @Column(name = "certificate_id")
    private Long certificateId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "message_problem", joinColumns = @JoinColumn(name = "message_pk"))
    @OrderColumn(name = "position")
    private List<ProblemEmbeddable> problems = new ArrayList<>();

    protected MessageEntity() {
    }

    public MessageEntity(Direction direction, String partnerId, String operation, String messageId,
                         String relatedMessageId, Instant receivedAt, String payloadDigest,
                         byte[] rawEnvelope, String payload) {
        this.direction = direction;
        this.partnerId = partnerId;
        this.operation = operation;
        this.messageId = messageId;
        this.relatedMessageId = relatedMessageId;
        this.receivedAt = receivedAt;
        this.payloadDigest = payloadDigest;
        this.rawEnvelope = rawEnvelope;
        this.payload = payload;
    }

    public Long id() { return id; }
    public Direction direction() { return direction; }
    public String partnerId() { return partnerId; }
    public String operation() { return operation; }
    public String messageId() { return messageId; }
    public String relatedMessageId() { return relatedMessageId; }
    public Instant receivedAt() { return receivedAt; }
    public String payloadDigest() { return payloadDigest; }
    public byte[] rawEnvelope() { return rawEnvelope; }
    public String payload() { return payload; }
    public AcknowledgementStatus ackStatus() { return ackStatus; }
    public Instant ackAt() { return ackAt; }
    public Long certificateId() { return certificateId; }
    public List<ProblemEmbeddable> problems() { return problems; }

    public void recordAcknowledgement(AcknowledgementStatus status, Instant at, List<ProblemEmbeddable> ackProblems) {
        this.ackStatus = status;
        this.ackAt = at;
        this.problems = new ArrayList<>(ackProblems);
    }

    public void linkCertificate(Long certificateId) {
        this.certificateId = certificateId;
    }
}
