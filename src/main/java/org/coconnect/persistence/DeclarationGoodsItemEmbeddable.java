package org.coconnect.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.coconnect.domain.DeclarationGoodsItem;

/** A goods item of a stored Declaration of Origin. */
@Embeddable
public class DeclarationGoodsItemEmbeddable {
    @Column(name = "sequence_number")
    private int sequenceNumber;
    @Column(name = "hs_code")
    private String hsCode;
    private String description;
    private BigDecimal quantity;
    @Column(name = "unit_code")
    private String unitCode;
    @Column(name = "origin_country")
    private String originCountry;
    @Column(name = "origin_criterion")
    private String originCriterion;

    protected DeclarationGoodsItemEmbeddable() {
    }

    public DeclarationGoodsItemEmbeddable(DeclarationGoodsItem item) {
        this.sequenceNumber = item.sequenceNumber();
        this.hsCode = item.hsCode();
        this.description = item.description();
        this.quantity = item.quantity();
        this.unitCode = item.unitCode();
        this.originCountry = item.originCountry();
        this.originCriterion = item.originCriterion();
    }

    public DeclarationGoodsItem toDomain() {
        return new DeclarationGoodsItem(sequenceNumber, hsCode, description, quantity, unitCode, originCountry,
                originCriterion);
    }
}
