package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.coconnect.ws.generated.messages.SendAmendmentNotificationRequestType;
import org.coconnect.ws.generated.messages.SendCancellationStatusRequestType;
import org.coconnect.ws.generated.messages.SendApprovedExportersRequestType;
import org.coconnect.ws.generated.messages.SendCoRequestType;
import org.coconnect.ws.generated.messages.SendDoRequestType;
import org.coconnect.ws.generated.messages.SendFeedbackRequestType;
import org.coconnect.ws.generated.messages.SendInquiryAnswerRequestType;
import org.coconnect.ws.generated.messages.SendVerificationInquiryRequestType;
import org.w3c.dom.Element;

/** Reads a payload into generated types and maps them to the domain; the generated types stay here. */
final class PayloadReader {

    /** Header and content; content is null when the payload was not schema-valid, header when unreadable. */
    record Parsed(MessageHeader header, MessageContent content) {
    }

    private PayloadReader() {
    }

    static Parsed read(Operation operation, Element payload, boolean schemaValid) {
        try {
            Unmarshaller unmarshaller = Contract.jaxb().createUnmarshaller();
            return switch (operation) {
                case SEND_CO -> {
                    var r = unmarshaller.unmarshal(payload, SendCoRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(), schemaValid ? () -> InboundMapper.certificate(r.getCertificateOfOrigin()) : null);
                }
                case SEND_AMENDMENT_NOTIFICATION -> {
                    var r = unmarshaller.unmarshal(payload, SendAmendmentNotificationRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(),
                            schemaValid ? () -> InboundMapper.cancellationNotification(r.getCancellationNotification()) : null);
                }
                case SEND_CANCELLATION_STATUS -> {
                    var r = unmarshaller.unmarshal(payload, SendCancellationStatusRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(),
                            schemaValid ? () -> InboundMapper.cancellationStatus(r.getCancellationStatus()) : null);
                }
                case SEND_DO -> {
                    var r = unmarshaller.unmarshal(payload, SendDoRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(),
                            schemaValid ? () -> DeclarationMapper.declaration(r.getDeclarationOfOrigin()) : null);
                }
                case SEND_APPROVED_EXPORTERS -> {
                    var r = unmarshaller.unmarshal(payload, SendApprovedExportersRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(),
                            schemaValid ? () -> DeclarationMapper.list(r.getApprovedExporterList()) : null);
                }
                case SEND_FEEDBACK -> {
                    var r = unmarshaller.unmarshal(payload, SendFeedbackRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(), schemaValid ? () -> InboundMapper.feedback(r.getOriginTreatmentFeedback()) : null);
                }
                case SEND_VERIFICATION_INQUIRY -> {
                    var r = unmarshaller.unmarshal(payload, SendVerificationInquiryRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(), schemaValid ? () -> InboundMapper.inquiry(r.getVerificationInquiry()) : null);
                }
                case SEND_INQUIRY_ANSWER -> {
                    var r = unmarshaller.unmarshal(payload, SendInquiryAnswerRequestType.class).getValue();
                    yield parsed(r.getMessageHeader(), schemaValid ? () -> InboundMapper.inquiryAnswer(r.getInquiryAnswer()) : null);
                }
            };
        } catch (JAXBException e) {
            return new Parsed(null, null);
        }
    }

    private static Parsed parsed(MessageHeaderType header, java.util.function.Supplier<MessageContent> content) {
        MessageHeader h = null;
        try {
            h = header == null ? null : InboundMapper.header(header);
        } catch (RuntimeException e) {
            // An invalid header (bad UUID, missing sender) is already a schema problem; the rejection names it.
        }
        return new Parsed(h, content == null || h == null ? null : content.get());
    }
}
