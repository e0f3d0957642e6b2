package org.coconnect.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A Declaration of Origin completed by an approved exporter (framework Annex IV), identified by the
 * exporting country and its DO identification number.
 */
public record DeclarationOfOrigin(String number, String exportingCountry, String importingCountry,
                                  String agreementCode, LocalDate declarationDate, String exporterId,
                                  String exporterName, String authorisationCode, String importerName,
                                  String invoiceNumber, LocalDate invoiceDate, List<DeclarationGoodsItem> goodsItems,
                                  String statementOfOrigin, String place, String signatory) implements MessageContent {

    public DeclarationOfOrigin {
        goodsItems = List.copyOf(goodsItems);
    }
}
