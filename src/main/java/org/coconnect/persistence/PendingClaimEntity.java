package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;

/** A claim on a CO that has not arrived yet. */
@Entity
@Table(name = "pending_claim")
public class PendingClaimEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "issuing_country")
    private String issuingCountry;
    @Column(name = "co_number")
    private String number;
    @Column(name = "declaration_number")
    private String declarationNumber;
    @Column(name = "claimed_at")
    private Instant claimedAt;

    protected PendingClaimEntity() {
    }

    public PendingClaimEntity(String issuingCountry, String number, String declarationNumber, Instant claimedAt) {
        this.issuingCountry = issuingCountry;
        this.number = number;
        this.declarationNumber = declarationNumber;
        this.claimedAt = claimedAt;
    }

    public String issuingCountry() { return issuingCountry; }
    public String number() { return number; }
    public String declarationNumber() { return declarationNumber; }
    public Instant claimedAt() { return claimedAt; }
}
