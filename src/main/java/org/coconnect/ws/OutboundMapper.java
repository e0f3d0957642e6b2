package org.coconnect.ws;

import java.math.BigInteger;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.Official;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.ws.generated.codes.country.CountryCodeType;
import org.coconnect.ws.generated.messages.CancellationDecisionType;
import org.coconnect.ws.generated.messages.CancellationNotificationType;
import org.coconnect.ws.generated.messages.CancellationStatusType;
import org.coconnect.ws.generated.messages.CertificateReferenceType;
import org.coconnect.ws.generated.messages.DeclarationReferenceType;
import org.coconnect.ws.generated.messages.InquiryAnswerType;
import org.coconnect.ws.generated.messages.OfficialType;
import org.coconnect.ws.generated.messages.OriginTreatmentFeedbackType;
import org.coconnect.ws.generated.messages.TreatmentDecisionType;
import org.coconnect.ws.generated.messages.VerificationInquiryType;

/** Maps domain messages to generated types for sending. */
public final class OutboundMapper {

    private OutboundMapper() {
    }

    public static CancellationNotificationType notification(CancellationNotification n) {
        var t = new CancellationNotificationType();
        t.setCertificateReference(reference(n.certificate()));
        t.setReason(n.reason());
        t.setRequestDateTime(AcknowledgementMapper.calendar(n.requestedAt()));
        return t;
    }

    public static CancellationStatusType status(CancellationStatus s) {
        var t = new CancellationStatusType();
        t.setCertificateReference(reference(s.certificate()));
        t.setDecision(CancellationDecisionType.fromValue(s.decision().name()));
        t.setReason(s.reason());
        t.setDeclarationReference(declaration(s.declarationNumber()));
        t.setDecisionDateTime(AcknowledgementMapper.calendar(s.decidedAt()));
        return t;
    }

    public static OriginTreatmentFeedbackType feedback(OriginTreatmentFeedback f) {
        var t = new OriginTreatmentFeedbackType();
        t.setCertificateReference(reference(f.certificate()));
        t.setDecision(TreatmentDecisionType.fromValue(f.decision().name()));
        t.setReason(f.reason());
        t.setDeclarationReference(declaration(f.declarationNumber()));
        t.setDecisionDateTime(AcknowledgementMapper.calendar(f.decidedAt()));
        return t;
    }

    public static VerificationInquiryType inquiry(VerificationInquiry q) {
        var t = new VerificationInquiryType();
        t.setInquiryId(q.inquiryId().toString());
        t.setCertificateReference(reference(q.certificate()));
        t.setQuestion(q.question());
        t.setAskingOfficial(official(q.askedBy()));
        t.setAskedDateTime(AcknowledgementMapper.calendar(q.askedAt()));
        return t;
    }

    public static InquiryAnswerType inquiryAnswer(InquiryAnswer a) {
        var t = new InquiryAnswerType();
        t.setInquiryId(a.inquiryId().toString());
        t.setCertificateReference(reference(a.certificate()));
        t.setAnswer(a.answer());
        t.setAnsweringOfficial(official(a.answeredBy()));
        t.setAnsweredDateTime(AcknowledgementMapper.calendar(a.answeredAt()));
        return t;
    }

    private static OfficialType official(Official o) {
        var t = new OfficialType();
        t.setName(o.name());
        t.setOffice(o.office());
        return t;
    }

    private static DeclarationReferenceType declaration(String number) {
        if (number == null) {
            return null;
        }
        var d = new DeclarationReferenceType();
        d.setIdentifier(number);
        return d;
    }

    private static CertificateReferenceType reference(CertificateReference ref) {
        var r = new CertificateReferenceType();
        r.setIssuingCountryCode(CountryCodeType.fromValue(ref.issuingCountry()));
        r.setCertificateNumber(ref.number());
        r.setVersion(BigInteger.valueOf(ref.version()));
        return r;
    }
}
