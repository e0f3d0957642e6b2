package org.coconnect.exchange;

import java.time.Duration;
import java.time.Instant;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Official;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.InquiryEntity;

/**
 * A read-only copy of one verification inquiry with its CO, for callers that must not see entities.
 *
 * @param side      the CO's side here: IMPORT where we asked, EXPORT where we were asked
 * @param openFor   how long it has been open (open), or was open until answered or refused
 * @param answeredBy null until answered
 */
public record InquiryView(String inquiryId, String side, String partnerId, InquiryStatus status,
                          CertificateView certificate, String question, Official askedBy, Instant askedAt,
                          String answer, Official answeredBy, Instant answeredAt, String inquiryMessageId,
                          String answerMessageId, Duration openFor) {

    static InquiryView of(InquiryEntity i, CertificateEntity c, Instant now) {
        var status = i.status();
        Instant closedAt = switch (status) {
            case OPEN -> now;
            case ANSWERED -> i.answeredAt();
            case REFUSED -> i.updatedAt();
        };
        Duration openFor = Duration.between(i.askedAt(), closedAt);
        return new InquiryView(i.inquiryId(), i.side().name(), i.partnerId(), status, CertificateView.of(c), i.question(),
                new Official(i.askedBy(), i.askedOffice()), i.askedAt(), i.answer(),
                i.answeredBy() == null ? null : new Official(i.answeredBy(), i.answeredOffice()), i.answeredAt(),
                i.inquiryMessageId(), i.answerMessageId(), openFor.isNegative() ? Duration.ZERO : openFor);
    }
}
