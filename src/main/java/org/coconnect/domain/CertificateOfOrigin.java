package org.coconnect.domain;

import java.time.Instant;
import java.util.List;

/** A Certificate of Origin as the gateway's rules and lifecycle see it; the full data stays in the stored payload. */
public record CertificateOfOrigin(CertificateReference reference, Instant issuedAt,
                                  AdministrationId issuingAuthority, String importingCountry,
                                  String exporterName, String importerName, String agreementCode,
                                  List<GoodsItem> goodsItems, OperationMode operationMode) implements MessageContent {

    /** A CO that states no K17 Operation mode issues it, as the schema's default says. */
    public CertificateOfOrigin(CertificateReference reference, Instant issuedAt, AdministrationId issuingAuthority,
                               String importingCountry, String exporterName, String importerName,
                               String agreementCode, List<GoodsItem> goodsItems) {
        this(reference, issuedAt, issuingAuthority, importingCountry, exporterName, importerName, agreementCode,
                goodsItems, OperationMode.ISSUE);
    }
}
