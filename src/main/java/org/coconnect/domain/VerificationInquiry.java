package org.coconnect.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An importing official's question about a CO received from the issuing side, e.g. "please explain
 * the origin criterion of item 2" (real-time verification between officials, as in China's e-CERT).
 *
 * @param inquiryId chosen by the asking side; the answer names it
 */
public record VerificationInquiry(UUID inquiryId, CertificateReference certificate, String question, Official askedBy,
                                  Instant askedAt) implements MessageContent {
}
