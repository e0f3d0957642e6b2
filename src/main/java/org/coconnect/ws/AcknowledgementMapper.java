package org.coconnect.ws;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Problem;
import org.coconnect.domain.Severity;
import org.coconnect.error.ErrorCode;
import org.coconnect.ws.generated.codes.country.CountryCodeType;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.coconnect.ws.generated.messages.AcknowledgementStatusType;
import org.coconnect.ws.generated.messages.AcknowledgementType;
import org.coconnect.ws.generated.messages.AdministrationType;
import org.coconnect.ws.generated.messages.DigestType;
import org.coconnect.ws.generated.messages.MessageHeaderType;
import org.coconnect.ws.generated.messages.ProblemType;
import org.coconnect.ws.generated.messages.SeverityType;

/** Maps acknowledgements and headers between the domain and the generated types, both ways. */
public final class AcknowledgementMapper {

    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    private AcknowledgementMapper() {
    }

    public static AcknowledgementMessageType toMessage(MessageHeader header, Acknowledgement ack) {
        var message = new AcknowledgementMessageType();
        message.setMessageHeader(toHeader(header));
        var a = new AcknowledgementType();
        a.setStatus(AcknowledgementStatusType.fromValue(ack.status().name()));
        a.setReceivedMessageId(ack.receivedMessageId().toString());
        a.setReceiptDateTime(calendar(ack.receivedAt()));
        var digest = new DigestType();
        digest.setAlgorithm(PayloadDigest.ALGORITHM_URI);
        digest.setValue(ack.payloadDigest());
        a.setPayloadDigest(digest);
        for (Problem p : ack.problems()) {
            var problem = new ProblemType();
            problem.setCode(p.code().code());
            problem.setSeverity(SeverityType.fromValue(p.severity().name()));
            problem.setText(truncate(p.text(), 2048));
            problem.setLocation(p.location() == null ? null : truncate(p.location(), 2048));
            a.getProblem().add(problem);
        }
        message.setAcknowledgement(a);
        return message;
    }

    public static MessageHeaderType toHeader(MessageHeader header) {
        var h = new MessageHeaderType();
        h.setMessageId(header.messageId().toString());
        h.setSender(administration(header.sender()));
        h.setReceiver(administration(header.receiver()));
        h.setCreationDateTime(calendar(header.createdAt()));
        header.related().ifPresent(r -> h.setRelatedMessageId(r.toString()));
        h.setSchemaVersion(header.schemaVersion());
        return h;
    }

    /** Reads a partner's acknowledgement; a code we do not know is read as INTERNAL_ERROR. */
    public static Acknowledgement fromMessage(AcknowledgementMessageType message) {
        AcknowledgementType a = message.getAcknowledgement();
        var problems = a.getProblem().stream()
                .map(p -> new Problem(ErrorCode.fromCode(p.getCode()).orElse(ErrorCode.INTERNAL_ERROR), Severity.valueOf(p.getSeverity().value()), p.getText(), p.getLocation()))
                .toList();
        return new Acknowledgement(AcknowledgementStatus.valueOf(a.getStatus().value()),
                UUID.fromString(a.getReceivedMessageId()), InboundMapper.instant(a.getReceiptDateTime()),
                a.getPayloadDigest().getValue(), problems);
    }

    private static AdministrationType administration(AdministrationId id) {
        var a = new AdministrationType();
        a.setCountryCode(CountryCodeType.fromValue(id.countryCode()));
        a.setAuthorityId(id.authorityId());
        return a;
    }

    public static XMLGregorianCalendar calendar(Instant instant) {
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return DATATYPES.newXMLGregorianCalendar(calendar);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
