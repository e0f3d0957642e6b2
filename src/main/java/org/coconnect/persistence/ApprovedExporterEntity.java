package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.ExporterStatus;

/** One exporter in our own approved-exporter register (export side); the rules live in the domain's ApprovedExporter. */
@Entity
@Table(name = "approved_exporter")
public class ApprovedExporterEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "exporter_id")
    private String exporterId;
    private String name;
    @Enumerated(EnumType.STRING)
    private ExporterStatus status;
    @Column(name = "authorisation_code")
    private String authorisationCode;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "revoked_on")
    private LocalDate revokedOn;
    private String reason;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private int rowVersion;

    protected ApprovedExporterEntity() {
    }

    public ApprovedExporterEntity(ApprovedExporter exporter, Instant at) {
        this.exporterId = exporter.id();
        record(exporter, at);
    }

    /** Stores the exporter's new state (the domain object decided whether the change is allowed). */
    public final void record(ApprovedExporter exporter, Instant at) {
        this.name = exporter.name();
        this.status = exporter.status();
        this.authorisationCode = exporter.authorisationCode();
        this.validFrom = exporter.validFrom();
        this.revokedOn = exporter.revokedOn();
        this.reason = exporter.reason();
        this.updatedAt = at;
    }

    public ApprovedExporter toDomain() {
        return new ApprovedExporter(exporterId, name, status, authorisationCode, validFrom,
                revokedOn, reason);
    }

    public Instant updatedAt() { return updatedAt; }
}
