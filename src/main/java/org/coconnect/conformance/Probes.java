package org.coconnect.conformance;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.ws.Contract;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.w3c.dom.Element;

/** The payloads the checks send: a valid send-co from us to the partner, a schema-invalid one, a bare envelope. */
final class Probes {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private final AdministrationId self;
    private final AdministrationId partner;
    private final Clock clock;

    Probes(AdministrationId self, AdministrationId partner, Clock clock) {
        this.self = self;
        this.partner = partner;
        this.clock = clock;
    }

    /** A send-co the partner should accept: a fresh CO number (a new CO each run), issued by us, for the partner's country. */
    Element validSendCo(UUID messageId) {
        Instant now = clock.instant();
        String number = "CHECK-" + self.countryCode() + "-" + UUID.randomUUID().toString().substring(0, 18);
        Element co = SampleCertificate.create(number, 1, self.countryCode(), partner.countryCode(), 1, now.minusSeconds(60));
        var header = new MessageHeader(messageId, self, partner, now, null, MessageHeader.SCHEMA_VERSION);
        return RequestBuilder.sendCo(header, co);
    }

    /** The same, with two schema errors: an importing country that is no ISO 3166-1 code and an HS code with letters. */
    Element schemaInvalidSendCo(UUID messageId) {
        Element payload = validSendCo(messageId);
        payload.getElementsByTagNameNS(Contract.CO_NAMESPACE, "ImportingCountryCode").item(0).setTextContent("XX");
        payload.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Code").item(0).setTextContent("12AB");
        return payload;
    }

    /** A SOAP 1.1 envelope with a valid send-co and no WS-Security header at all. */
    String unsecuredEnvelope() {
        return "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body>" + serialize(validSendCo(UUID.randomUUID()))
                + "</soap:Body></soap:Envelope>";
    }

    private static String serialize(Element element) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            var out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("probe cannot be written", e);
        }
    }
}
