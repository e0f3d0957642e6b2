package org.coconnect.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.coconnect.domain.CertificateState;

/** One step of a CO version's state history. */
@Embeddable
public class StateChangeEmbeddable {

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 32)
    private CertificateState state;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected StateChangeEmbeddable() {
    }

    public StateChangeEmbeddable(CertificateState state, Instant changedAt) {
        this.state = state;
        this.changedAt = changedAt;
    }

    public CertificateState state() { return state; }
    public Instant changedAt() { return changedAt; }
}
