package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;

/** CO business state: one row per CO version and side. Never a generated JAXB type. */
@Entity
@Table(name = "certificate")
public class CertificateEntity {
    /** The issuer column of the COs this administration issued (EXPORT side). */
    public static final String OWN_ISSUER = "";
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private CertificateSide side;
    @Column(name = "issuing_country")
    private String issuingCountry;
    @Column(name = "co_number")
    private String number;
    private int version;
    @Column(name = "partner_id")
    private String partnerId;
    /** Part of the business key: on the IMPORT side the partner that issued the CO, {@link #OWN_ISSUER} on the EXPORT side. */
    @Column(name = "issuer_partner_id")
    private String issuerPartnerId;
    @Enumerated(EnumType.STRING)
    private CertificateState state;
    @ElementCollection
    @CollectionTable(name = "certificate_state_change", joinColumns = @JoinColumn(name = "certificate_id"))
    @OrderColumn(name = "position")
    private java.util.List<StateChangeEmbeddable> history = new java.util.ArrayList<>();
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "importing_country")
    private String importingCountry;
    @Column(name = "exporter_name")
    private String exporterName;
    @Column(name = "importer_name")
    private String importerName;
    @Column(name = "agreement_code")
    private String agreementCode;
    @Column(name = "goods_item_count")
    private int goodsItemCount;
    @Column(name = "cancellation_reason")
    private String cancellationReason;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "treatment_decision")
    private String treatmentDecision;
    @Column(name = "declaration_number")
    private String declarationNumber;
    @Column(name = "reference_code")
    private String referenceCode;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private int rowVersion;

    protected CertificateEntity() {
    }

    public CertificateEntity(CertificateSide side, String issuingCountry, String number, int version, String partnerId,
                             CertificateState state, Instant issuedAt, String importingCountry, Instant now) {
        this.side = side;
        this.issuingCountry = issuingCountry;
        this.number = number;
        this.version = version;
        this.partnerId = partnerId;
        // Two authorities of one country number their COs independently: a received CO is theirs, not the country's.
        this.issuerPartnerId = side == CertificateSide.IMPORT ? partnerId : OWN_ISSUER;
        this.state = state;
        this.issuedAt = issuedAt;
        this.importingCountry = importingCountry;
        this.createdAt = now;
        this.updatedAt = now;
        this.history.add(new StateChangeEmbeddable(state, now));
    }

    public Long id() { return id; }
    public CertificateSide side() { return side; }
    public String issuingCountry() { return issuingCountry; }
    public String number() { return number; }
    public int version() { return version; }
    public String partnerId() { return partnerId; }
    public String issuerPartnerId() { return issuerPartnerId; }
    public CertificateState state() { return state; }
    /** Every state this version went through since it was stored (or since issue 16's migration), oldest first. */
    public java.util.List<StateChangeEmbeddable> history() { return java.util.List.copyOf(history); }
    public Instant issuedAt() { return issuedAt; }
    public String importingCountry() { return importingCountry; }
    public String exporterName() { return exporterName; }
    public String importerName() { return importerName; }
    public String agreementCode() { return agreementCode; }
    public int goodsItemCount() { return goodsItemCount; }
    public String cancellationReason() { return cancellationReason; }
    public String decisionReason() { return decisionReason; }
    public String treatmentDecision() { return treatmentDecision; }
    public String declarationNumber() { return declarationNumber; }
    public Instant updatedAt() { return updatedAt; }
    /** The Annex III reference code of a CO we issued; null on the import side. */
    public String referenceCode() { return referenceCode; }

    public void assignReferenceCode(String code) { this.referenceCode = code; }

    public void describe(String exporterName, String importerName, String agreementCode, int goodsItemCount) {
        this.exporterName = exporterName;
        this.importerName = importerName;
        this.agreementCode = agreementCode;
        this.goodsItemCount = goodsItemCount;
    }

    public void moveTo(CertificateState newState, Instant at) {
        if (newState != state) {
            history.add(new StateChangeEmbeddable(newState, at));
        }
        this.state = newState;
        this.updatedAt = at;
    }

    public void recordCancellationReason(String reason) { this.cancellationReason = reason; }

    public void recordDecision(String treatmentDecision, String reason, String declarationNumber) {
        if (treatmentDecision != null) {
            this.treatmentDecision = treatmentDecision;
        }
        this.decisionReason = reason;
        if (declarationNumber != null) {
            this.declarationNumber = declarationNumber;
        }
    }
}
