package org.coconnect.ws;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.Operation;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.ws.generated.messages.SendAmendmentNotificationRequestType;
import org.coconnect.ws.generated.messages.SendApprovedExportersRequestType;
import org.coconnect.ws.generated.messages.SendCancellationStatusRequestType;
import org.coconnect.ws.generated.messages.SendCoRequestType;
import org.coconnect.ws.generated.messages.SendDoRequestType;
import org.coconnect.ws.generated.messages.SendFeedbackRequestType;
import org.coconnect.ws.generated.messages.SendInquiryAnswerRequestType;
import org.coconnect.ws.generated.messages.SendVerificationInquiryRequestType;

/**
 * The one table of payload bindings, one per operation: the only place where an operation meets its
 * generated types. Loading this class fails when an operation has no binding or two.
 */
final class PayloadBindings {

    private static final Map<Operation, PayloadBinding<?, ?>> BY_OPERATION = index(List.of(
            PayloadBinding.sentAsIssued(Operation.SEND_CO, SendCoRequestType.class, CertificateOfOrigin.class,
                    SendCoRequestType::getMessageHeader, r -> InboundMapper.certificate(r.getCertificateOfOrigin())),
            PayloadBinding.of(Operation.SEND_AMENDMENT_NOTIFICATION, SendAmendmentNotificationRequestType.class,
                    CancellationNotification.class, SendAmendmentNotificationRequestType::getMessageHeader,
                    r -> InboundMapper.cancellationNotification(r.getCancellationNotification()),
                    (h, n) -> RequestBuilder.withContent(Operation.SEND_AMENDMENT_NOTIFICATION, h,
                            "CancellationNotification", OutboundMapper.notification(n))),
            PayloadBinding.of(Operation.SEND_CANCELLATION_STATUS, SendCancellationStatusRequestType.class,
                    CancellationStatus.class, SendCancellationStatusRequestType::getMessageHeader,
                    r -> InboundMapper.cancellationStatus(r.getCancellationStatus()),
                    (h, s) -> RequestBuilder.withContent(Operation.SEND_CANCELLATION_STATUS, h, "CancellationStatus",
                            OutboundMapper.status(s))),
            PayloadBinding.of(Operation.SEND_FEEDBACK, SendFeedbackRequestType.class, OriginTreatmentFeedback.class,
                    SendFeedbackRequestType::getMessageHeader, r -> InboundMapper.feedback(r.getOriginTreatmentFeedback()),
                    (h, f) -> RequestBuilder.withContent(Operation.SEND_FEEDBACK, h, "OriginTreatmentFeedback",
                            OutboundMapper.feedback(f))),
            PayloadBinding.sentAsIssued(Operation.SEND_DO, SendDoRequestType.class, DeclarationOfOrigin.class,
                    SendDoRequestType::getMessageHeader, r -> DeclarationMapper.declaration(r.getDeclarationOfOrigin())),
            PayloadBinding.of(Operation.SEND_APPROVED_EXPORTERS, SendApprovedExportersRequestType.class,
                    ApprovedExporterList.class, SendApprovedExportersRequestType::getMessageHeader,
                    r -> DeclarationMapper.list(r.getApprovedExporterList()),
                    (h, l) -> RequestBuilder.withContent(Operation.SEND_APPROVED_EXPORTERS, h, Contract.DO_NAMESPACE,
                            "ApprovedExporterList", DeclarationMapper.list(l))),
            PayloadBinding.of(Operation.SEND_VERIFICATION_INQUIRY, SendVerificationInquiryRequestType.class,
                    VerificationInquiry.class, SendVerificationInquiryRequestType::getMessageHeader,
                    r -> InboundMapper.inquiry(r.getVerificationInquiry()),
                    (h, q) -> RequestBuilder.withContent(Operation.SEND_VERIFICATION_INQUIRY, h, "VerificationInquiry",
                            OutboundMapper.inquiry(q))),
            PayloadBinding.of(Operation.SEND_INQUIRY_ANSWER, SendInquiryAnswerRequestType.class, InquiryAnswer.class,
                    SendInquiryAnswerRequestType::getMessageHeader, r -> InboundMapper.inquiryAnswer(r.getInquiryAnswer()),
                    (h, a) -> RequestBuilder.withContent(Operation.SEND_INQUIRY_ANSWER, h, "InquiryAnswer",
                            OutboundMapper.inquiryAnswer(a)))));

    private PayloadBindings() {
    }

    static PayloadBinding<?, ?> of(Operation operation) {
        return BY_OPERATION.get(operation);
    }

    private static Map<Operation, PayloadBinding<?, ?>> index(List<PayloadBinding<?, ?>> bindings) {
        Map<Operation, PayloadBinding<?, ?>> map = new EnumMap<>(Operation.class);
        for (PayloadBinding<?, ?> binding : bindings) {
            if (map.put(binding.operation(), binding) != null) {
                throw new IllegalStateException("two payload bindings for " + binding.operation().pathName());
            }
        }
        for (Operation operation : Operation.values()) {
            if (!map.containsKey(operation)) {
                throw new IllegalStateException("no payload binding for " + operation.pathName());
            }
        }
        return map;
    }
}
