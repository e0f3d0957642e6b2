package org.coconnect.persistence;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.DeclarationOfOrigin;

/** A Declaration of Origin held on one side: issued here (EXPORT) or received from a partner (IMPORT). */
@Entity
@Table(name = "declaration_of_origin")
public class DeclarationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private CertificateSide side;
    @Column(name = "exporting_country")
    private String exportingCountry;
    @Column(name = "do_number")
    private String number;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "importing_country")
    private String importingCountry;
    @Column(name = "agreement_code")
    private String agreementCode;
    @Column(name = "declaration_date")
    private LocalDate declarationDate;
    @Column(name = "exporter_id")
    private String exporterId;
    @Column(name = "exporter_name")
    private String exporterName;
    @Column(name = "authorisation_code")
    private String authorisationCode;
    @Column(name = "importer_name")
    private String importerName;
    @Column(name = "invoice_number")
    private String invoiceNumber;
    @Column(name = "invoice_date")
    private LocalDate invoiceDate;
    private String statement;
    private String place;
    private String signatory;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "declaration_goods_item", joinColumns = @JoinColumn(name = "declaration_pk"))
    @OrderColumn(name = "position")
    private List<DeclarationGoodsItemEmbeddable> goodsItems = new ArrayList<>();

    protected DeclarationEntity() {
    }

    public DeclarationEntity(CertificateSide side, String partnerId, DeclarationOfOrigin d, Instant createdAt) {
        this.side = side;
        this.partnerId = partnerId;
        this.exportingCountry = d.exportingCountry();
        this.number = d.number();
        this.importingCountry = d.importingCountry();
        this.agreementCode = d.agreementCode();
        this.declarationDate = d.declarationDate();
        this.exporterId = d.exporterId();
        this.exporterName = d.exporterName();
        this.authorisationCode = d.authorisationCode();
        this.importerName = d.importerName();
        this.invoiceNumber = d.invoiceNumber();
        this.invoiceDate = d.invoiceDate();
        this.statement = d.statementOfOrigin();
        this.place = d.place();
        this.signatory = d.signatory();
        this.createdAt = createdAt;
        this.goodsItems = new ArrayList<>(d.goodsItems().stream().map(DeclarationGoodsItemEmbeddable::new).toList());
    }

    public DeclarationOfOrigin toDomain() {
        return new DeclarationOfOrigin(number, exportingCountry, importingCountry, agreementCode, declarationDate,
                exporterId, exporterName, authorisationCode, importerName, invoiceNumber, invoiceDate,
                goodsItems.stream().map(DeclarationGoodsItemEmbeddable::toDomain).toList(), statement, place, signatory);
    }

    public Long id() { return id; }
    public CertificateSide side() { return side; }
    public String partnerId() { return partnerId; }
    public Instant createdAt() { return createdAt; }
}
