package org.coconnect.ws;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.datatype.XMLGregorianCalendar;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.GoodsItem;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Official;
import org.coconnect.domain.OperationMode;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.ws.generated.co.CertificateOfOriginType;
import org.coconnect.ws.generated.co.ClassificationType;
import org.coconnect.ws.generated.co.GoodsItemType;
import org.coconnect.ws.generated.messages.AdministrationType;
import org.coconnect.ws.generated.messages.CancellationNotificationType;
import org.coconnect.ws.generated.messages.CancellationStatusType;
import org.coconnect.ws.generated.messages.CertificateReferenceType;
import org.coconnect.ws.generated.messages.DeclarationReferenceType;
import org.coconnect.ws.generated.messages.InquiryAnswerType;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.coconnect.ws.generated.messages.OfficialType;
import org.coconnect.ws.generated.messages.OriginTreatmentFeedbackType;
import org.coconnect.ws.generated.messages.VerificationInquiryType;

/** Maps schema-valid generated types to domain objects; generated types go no further than the ws package. */
public final class InboundMapper {

    private InboundMapper() {
    }

    public static MessageHeader header(MessageHeaderType h) {
        return new MessageHeader(UUID.fromString(h.getMessageId()), administration(h.getSender()),
                administration(h.getReceiver()), instant(h.getCreationDateTime()),
                h.getRelatedMessageId() == null ? null : UUID.fromString(h.getRelatedMessageId()), h.getSchemaVersion());
    }

    public static CertificateOfOrigin certificate(CertificateOfOriginType co) {
        var authority = co.getIssuingAuthority();
        var reference = new CertificateReference(authority.getCountryCode().value(), co.getCertificateNumber(),
                co.getVersion().intValueExact());
        List<GoodsItem> items = co.getConsignment().getGoodsItem().stream().map(InboundMapper::goodsItem).toList();
        return new CertificateOfOrigin(reference, instant(co.getIssueDateTime()),
                new AdministrationId(authority.getCountryCode().value(), authority.getIdentifier()),
                co.getImportingCountryCode().value(), co.getExporter().getName(), co.getImporter().getName(),
                co.getAgreementCode(), items, operationMode(co));
    }

    private static OperationMode operationMode(CertificateOfOriginType co) {
        return co.getOperationMode() == null ? OperationMode.ISSUE : OperationMode.valueOf(co.getOperationMode().value());
    }

    private static GoodsItem goodsItem(GoodsItemType item) {
        return new GoodsItem(item.getSequenceNumber().intValueExact(),
                item.getCommodity().getClassification().stream().map(ClassificationType::getCode).toList(),
                item.getOrigin().getCountryCode().value(), item.getOrigin().getOriginCriterion());
    }

    public static CancellationNotification cancellationNotification(CancellationNotificationType n) {
        return new CancellationNotification(reference(n.getCertificateReference()), n.getReason(),
                instant(n.getRequestDateTime()));
    }

    public static CancellationStatus cancellationStatus(CancellationStatusType s) {
        return new CancellationStatus(reference(s.getCertificateReference()),
                CancellationStatus.Decision.valueOf(s.getDecision().value()), s.getReason(),
                declaration(s.getDeclarationReference()), instant(s.getDecisionDateTime()));
    }

    public static OriginTreatmentFeedback feedback(OriginTreatmentFeedbackType f) {
        return new OriginTreatmentFeedback(reference(f.getCertificateReference()),
                OriginTreatmentFeedback.Decision.valueOf(f.getDecision().value()), f.getReason(),
                declaration(f.getDeclarationReference()), instant(f.getDecisionDateTime()));
    }

    public static VerificationInquiry inquiry(VerificationInquiryType q) {
        return new VerificationInquiry(UUID.fromString(q.getInquiryId()), reference(q.getCertificateReference()),
                q.getQuestion(), official(q.getAskingOfficial()), instant(q.getAskedDateTime()));
    }

    public static InquiryAnswer inquiryAnswer(InquiryAnswerType a) {
        return new InquiryAnswer(UUID.fromString(a.getInquiryId()), reference(a.getCertificateReference()),
                a.getAnswer(), official(a.getAnsweringOfficial()), instant(a.getAnsweredDateTime()));
    }

    private static Official official(OfficialType o) {
        return new Official(o.getName(), o.getOffice());
    }

    private static String declaration(DeclarationReferenceType d) {
        return d == null ? null : d.getIdentifier();
    }

    private static CertificateReference reference(CertificateReferenceType r) {
        return new CertificateReference(r.getIssuingCountryCode().value(), r.getCertificateNumber(),
                r.getVersion().intValueExact());
    }

    private static AdministrationId administration(AdministrationType a) {
        return new AdministrationId(a.getCountryCode().value(), a.getAuthorityId());
    }

    /** A date-time without a time zone is read as UTC; the schema cannot require one. */
    static Instant instant(XMLGregorianCalendar c) {
        if (c.getTimezone() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED) {
            c = (XMLGregorianCalendar) c.clone();
            c.setTimezone(0);
        }
        return c.toGregorianCalendar().toInstant();
    }
}
