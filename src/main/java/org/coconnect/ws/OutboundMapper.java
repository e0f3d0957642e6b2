package org.coconnect.ws;

import java.math.BigInteger;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.ws.generated.codes.country.CountryCodeType;
import org.coconnect.ws.generated.messages.CancellationDecisionType;
import org.coconnect.ws.generated.messages.CancellationNotificationType;
import org.coconnect.ws.generated.messages.CancellationStatusType;
import org.coconnect.ws.generated.messages.CertificateReferenceType;
import org.coconnect.ws.generated.messages.DeclarationReferenceType;
import org.coconnect.ws.generated.messages.OriginTreatmentFeedbackType;
import org.coconnect.ws.generated.messages.TreatmentDecisionType;

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
