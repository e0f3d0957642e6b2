package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.InquiryRules;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Problem;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.InquiryEntity;
import org.coconnect.persistence.InquiryStore;

/**
 * Applies an inbound verification inquiry or answer inside the receive transaction; throws
 * {@link RejectionException} when it cannot apply, so nothing of it is stored.
 */
final class InboundInquiries {

    private static final String INQUIRY = "/m:send-verification-inquiry/m:VerificationInquiry";
    private static final String ANSWER = "/m:send-inquiry-answer/m:InquiryAnswer";

    private InboundInquiries() {
    }

    /** Issuing side: an inquiry about a CO we issued to the asking partner; kept open until answered. */
    static CertificateEntity receive(EntityManager em, InboundMessage in, VerificationInquiry q, Instant now) {
        // The CO's row lock also serialises two inquiries about it arriving at once.
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.EXPORT,
                q.certificate(), INQUIRY + "/m:CertificateReference");
        if (InquiryStore.exists(em, CertificateSide.EXPORT.name(), in.partner().id(), q.inquiryId().toString())) {
            throw new RejectionException(Problem.error(ErrorCode.INQUIRY_ID_REUSED, "Inquiry ID " + q.inquiryId()
                    + " was already used for another verification inquiry; a new inquiry needs a new ID.",
                    INQUIRY + "/m:InquiryId"));
        }
        em.persist(new InquiryEntity(q.inquiryId().toString(), CertificateSide.EXPORT.name(), in.partner().id(), co.id(),
                InquiryStatus.OPEN.name(), q.question(), q.askedBy().name(), q.askedBy().office(), q.askedAt(),
                in.messageId().toString(), now));
        return co;
    }

    /** Importing side: the one answer to an open inquiry we asked of this partner, about the same CO. */
    static CertificateEntity receive(EntityManager em, InboundMessage in, InquiryAnswer a, Instant now) {
        InquiryEntity inquiry = InquiryStore.findForUpdate(em, CertificateSide.IMPORT.name(), a.inquiryId().toString())
                .filter(i -> i.partnerId().equals(in.partner().id()))
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_INQUIRY,
                        "No verification inquiry " + a.inquiryId() + " was asked of " + in.partner().id() + ".",
                        ANSWER + "/m:InquiryId")));
        CertificateEntity co = em.find(CertificateEntity.class, inquiry.certificateId());
        var problems = InquiryRules.answerable(a.inquiryId().toString(), InquiryStatus.valueOf(inquiry.status()),
                CertificateTransitions.reference(co), a.certificate(), ANSWER);
        if (!problems.isEmpty()) {
            throw new RejectionException(problems);
        }
        inquiry.recordAnswer(InquiryStatus.ANSWERED.name(), a.answer(), a.answeredBy().name(), a.answeredBy().office(),
                a.answeredAt(), in.messageId().toString(), now);
        return co;
    }
}
