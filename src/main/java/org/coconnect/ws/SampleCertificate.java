package org.coconnect.ws;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Realistic CO information packages for the demo, the benchmark and tests, made from the schema's
 * example (xsd/examples/certificate-of-origin.xml, a KR to ID certificate) with a chosen number,
 * version, countries and number of goods items.
 */
public final class SampleCertificate {

    private static final String TEMPLATE = "xsd/examples/certificate-of-origin.xml";

    private SampleCertificate() {
    }

    public static Element create(String number, int version, String issuingCountry, String importingCountry,
                                 int goodsItems, Instant issuedAt) {
        Document doc = template();
        Element co = doc.getDocumentElement();
        setText(co, "CertificateNumber", number);
        setText(co, "Version", String.valueOf(version));
        setText(co, "IssueDateTime", issuedAt.toString());
        setText(child(co, "IssuingAuthority"), "CountryCode", issuingCountry);
        setText(co, "ImportingCountryCode", importingCountry);
        Element consignment = child(co, "Consignment");
        var items = consignment.getElementsByTagNameNS(Contract.CO_NAMESPACE, "GoodsItem");
        Element first = (Element) items.item(0);
        while (items.getLength() > 0) {
            consignment.removeChild(items.item(0));
        }
        for (int i = 1; i <= goodsItems; i++) {
            Element item = (Element) first.cloneNode(true);
            setText(item, "SequenceNumber", String.valueOf(i));
            setText(child(item, "Origin"), "CountryCode", issuingCountry);
            consignment.appendChild(item);
        }
        return co;
    }

    private static Document template() {
        try (InputStream in = SampleCertificate.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the classpath");
            }
            return SecureXml.documentBuilder().parse(in);
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("sample CO cannot be read", e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("sample CO has no " + name + " under " + parent.getLocalName());
    }

    private static void setText(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }
}
