package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;

/** The head of the approved-exporter list a partner pushed last: when it was drawn up and received. */
@Entity
@Table(name = "partner_exporter_list")
public class PartnerExporterListEntity {
    @Id
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "exporting_country")
    private String exportingCountry;
    @Column(name = "listed_at")
    private Instant listedAt;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected PartnerExporterListEntity() {
    }

    public PartnerExporterListEntity(String partnerId, String exportingCountry, Instant listedAt, Instant receivedAt) {
        this.partnerId = partnerId;
        this.exportingCountry = exportingCountry;
        replacedBy(listedAt, receivedAt);
    }

    public final void replacedBy(Instant listedAt, Instant receivedAt) {
        this.listedAt = listedAt;
        this.receivedAt = receivedAt;
    }

    public String partnerId() { return partnerId; }
    public Instant listedAt() { return listedAt; }
}
