package org.coconnect.domain;

import java.time.Instant;
import java.util.List;

/** A Certificate of Origin as the gateway's rules and lifecycle see it; the full data stays in the stored payload. */
public record CertificateOfOrigin(CertificateReference reference, Instant issuedAt,
                                  AdministrationId issuingAuthority, String importingCountry,
                                  String exporterName, String importerName, String agreementCode,
                                  List<GoodsItem> goodsItems) implements MessageContent {
}
