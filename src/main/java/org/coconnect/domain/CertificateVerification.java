package org.coconnect.domain;

import java.time.Instant;

/**
 * The answer to a verification lookup (Annex III, A.53-A.54) when the CO number and reference code
 * matched: the CO's data as issued and its status. {@code latestVersion} is the newest version of
 * the same CO number (the one that supersedes this one, when it is superseded).
 */
public record CertificateVerification(CertificateReference reference, VerificationStatus status, int latestVersion,
                                      Instant issuedAt, String importingCountry, String exporterName,
                                      String importerName, String agreementCode, int goodsItemCount,
                                      String cancellationReason) {
}
