package org.coconnect.domain;

import java.math.BigDecimal;

/** One goods item of a Declaration of Origin; quantity and unit may be absent. */
public record DeclarationGoodsItem(int sequenceNumber, String hsCode, String description, BigDecimal quantity,
                                   String unitCode, String originCountry, String originCriterion) {
}
