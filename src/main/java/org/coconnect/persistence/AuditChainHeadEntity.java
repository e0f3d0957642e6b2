package org.coconnect.persistence;

import jakarta.persistence.*;

/** The end of the audit chain: its last sequence number and hash. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHeadEntity {
    @Id
    private Integer id;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "last_hash")
    private String lastHash;

    protected AuditChainHeadEntity() {
    }

    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }

    public void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
