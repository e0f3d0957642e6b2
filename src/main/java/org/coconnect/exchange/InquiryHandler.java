package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryRules;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.InquiryEntity;
import org.coconnect.persistence.InquiryStore;

/** send-verification-inquiry, issuing side: an inquiry about a CO we issued to the asking partner; open until answered. */
final class InquiryHandler implements InboundHandler<VerificationInquiry> {

    private static final String INQUIRY = "/m:send-verification-inquiry/m:VerificationInquiry";

    @Override
    public Operation operation() {
        return Operation.SEND_VERIFICATION_INQUIRY;
    }

    @Override
    public Class<VerificationInquiry> contentType() {
        return VerificationInquiry.class;
    }

    @Override
    public List<Problem> check(VerificationInquiry q, RuleContext context) {
        return InquiryRules.check(q, context.now(), context.allowedSkew(), INQUIRY);
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, VerificationInquiry q, Instant now) {
        // The CO's row lock also serialises two inquiries about it arriving at once.
        CertificateEntity co = CertificateTransitions.findWith(em, in.partner().id(), CertificateSide.EXPORT,
                q.certificate(), INQUIRY + "/m:CertificateReference");
        if (InquiryStore.exists(em, CertificateSide.EXPORT, in.partner().id(), q.inquiryId().toString())) {
            throw new RejectionException(Problem.error(ErrorCode.INQUIRY_ID_REUSED, "Inquiry ID " + q.inquiryId()
                    + " was already used for another verification inquiry; a new inquiry needs a new ID.",
                    INQUIRY + "/m:InquiryId"));
        }
        em.persist(new InquiryEntity(q.inquiryId().toString(), CertificateSide.EXPORT, in.partner().id(), co.id(),
                InquiryStatus.OPEN, q.question(), q.askedBy().name(), q.askedBy().office(), q.askedAt(),
                in.messageId().toString(), now));
        return InboundOutcome.applied(co);
    }
}
