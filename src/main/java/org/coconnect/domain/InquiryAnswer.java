package org.coconnect.domain;

import java.time.Instant;
import java.util.UUID;

/** The issuing side's answer to one verification inquiry; it names the inquiry and its CO. */
public record InquiryAnswer(UUID inquiryId, CertificateReference certificate, String answer, Official answeredBy,
                            Instant answeredAt) implements MessageContent {
}
