package org.coconnect.ws;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CancellationStatus;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.exchange.OutboundPayloads;
import org.w3c.dom.Element;

/** Writes outbound payloads as XML text for the outbox, using the generated types. */
public final class OutboundPayloadWriter implements OutboundPayloads {

    @Override
    public String certificate(MessageHeader header, String certificateXml) {
        return text(RequestBuilder.sendCo(header, parse(certificateXml)));
    }

    @Override
    public String declaration(MessageHeader header, String declarationXml) {
        return text(RequestBuilder.sendDo(header, parse(declarationXml)));
    }

    @Override
    public String message(MessageHeader header, MessageContent content) {
        if (content instanceof ApprovedExporterList list) {
            return text(RequestBuilder.approvedExporters(header, list));
        }
        if (content instanceof CancellationNotification n) {
            return text(RequestBuilder.notification(header, n));
        }
        if (content instanceof CancellationStatus s) {
            return text(RequestBuilder.status(header, s));
        }
        if (content instanceof OriginTreatmentFeedback f) {
            return text(RequestBuilder.feedback(header, f));
        }
        if (content instanceof VerificationInquiry q) {
            return text(RequestBuilder.inquiry(header, q));
        }
        if (content instanceof InquiryAnswer a) {
            return text(RequestBuilder.inquiryAnswer(header, a));
        }
        throw new IllegalArgumentException("a CO is sent with certificate(), not message()");
    }

    /** Parses stored or submitted XML with DTDs and entities off. */
    public static Element parse(String xml) {
        try {
            return SecureXml.documentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Serialises an element as XML text without a declaration. */
    public static String text(Element element) {
        try {
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            var out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("payload cannot be written", e);
        }
    }
}
