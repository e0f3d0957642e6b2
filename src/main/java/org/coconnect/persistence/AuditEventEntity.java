package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;

/** One audit event; chain fields are filled in by the chainer. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String kind;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "message_id")
    private String messageId;
    private String detail;
    @Column(name = "chain_seq")
    private Long chainSeq;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Instant at, String kind, String partnerId, String messageId, String detail) {
        this.at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.kind = kind;
        this.partnerId = StorableText.of(partnerId);
        this.messageId = StorableText.of(messageId);
        detail = StorableText.of(detail);
        this.detail = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
    }

    public Long id() { return id; }
    public Instant at() { return at; }
    public String kind() { return kind; }
    public String partnerId() { return partnerId; }
    public String messageId() { return messageId; }
    public String detail() { return detail; }
    public Long chainSeq() { return chainSeq; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }

    public void chain(long seq, String previous, String ownHash) {
        this.chainSeq = seq;
        this.prevHash = previous;
        this.hash = ownHash;
    }
}
