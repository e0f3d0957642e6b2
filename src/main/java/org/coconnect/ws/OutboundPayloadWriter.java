package org.coconnect.ws;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.coconnect.domain.MessageContent;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
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
    public String message(Operation operation, MessageHeader header, MessageContent content) {
        return text(RequestBuilder.request(operation, header, content));
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
