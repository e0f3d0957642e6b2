package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.LocalDate;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.ExporterStatus;

/** One entry of a partner's approved-exporter list (import side), with its validity interval. */
@Entity
@Table(name = "partner_approved_exporter")
public class PartnerApprovedExporterEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partner_id")
    private String partnerId;
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

    protected PartnerApprovedExporterEntity() {
    }

    public PartnerApprovedExporterEntity(String partnerId, ApprovedExporter e) {
        this.partnerId = partnerId;
        this.exporterId = e.id();
        this.name = e.name();
        this.status = e.status();
        this.authorisationCode = e.authorisationCode();
        this.validFrom = e.validFrom();
        this.revokedOn = e.revokedOn();
    }

    public ApprovedExporter toDomain() {
        return new ApprovedExporter(exporterId, name, status, authorisationCode, validFrom,
                revokedOn, null);
    }

    public String partnerId() { return partnerId; }
}
