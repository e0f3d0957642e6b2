package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.InquiryRules;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.InquiryEntity;
import org.coconnect.persistence.InquiryStore;

/** send-inquiry-answer, importing side: the one answer to an open inquiry we asked of this partner, about the same CO. */
final class InquiryAnswerHandler implements InboundHandler<InquiryAnswer> {

    private static final String ANSWER = "/m:send-inquiry-answer/m:InquiryAnswer";

    @Override
    public Operation operation() {
        return Operation.SEND_INQUIRY_ANSWER;
    }

    @Override
    public Class<InquiryAnswer> contentType() {
        return InquiryAnswer.class;
    }

    @Override
    public List<Problem> check(InquiryAnswer a, RuleContext context) {
        return InquiryRules.check(a, context.now(), context.allowedSkew(), ANSWER);
    }

    @Override
    public InboundOutcome apply(EntityManager em, InboundMessage in, InquiryAnswer a, Instant now) {
        InquiryEntity inquiry = InquiryStore.findForUpdate(em, CertificateSide.IMPORT, a.inquiryId().toString())
                .filter(i -> i.partnerId().equals(in.partner().id()))
                .orElseThrow(() -> new RejectionException(Problem.error(ErrorCode.UNKNOWN_INQUIRY,
                        "No verification inquiry " + a.inquiryId() + " was asked of " + in.partner().id() + ".",
                        ANSWER + "/m:InquiryId")));
        CertificateEntity co = em.find(CertificateEntity.class, inquiry.certificateId());
        var problems = InquiryRules.answerable(a.inquiryId().toString(), inquiry.status(),
                CertificateTransitions.reference(co), a.certificate(), ANSWER);
        if (!problems.isEmpty()) {
            throw new RejectionException(problems);
        }
        inquiry.recordAnswer(InquiryStatus.ANSWERED, a.answer(), a.answeredBy().name(), a.answeredBy().office(),
                a.answeredAt(), in.messageId().toString(), now);
        return InboundOutcome.applied(co);
    }
}
