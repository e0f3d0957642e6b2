package org.coconnect.ws;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Declarations of Origin for the demo and tests, made from the schema's example
 * (xsd/examples/declaration-of-origin.xml, a KR to ID DO) with a chosen number, exporter and date.
 */
public final class SampleDeclaration {

    private static final String TEMPLATE = "xsd/examples/declaration-of-origin.xml";

    private SampleDeclaration() {
    }

    /** A DO from {@code KR} to {@code ID} by the given exporter, with its authorisation code, made on {@code date}. */
    public static String create(String number, String exporterId, String authorisationCode, LocalDate date) {
        Document doc = template();
        Element d = doc.getDocumentElement();
        setText(d, "DeclarationNumber", number);
        setText(d, "DeclarationDate", date.toString());
        setText(d, "Identifier", exporterId);
        setText(d, "AuthorisationCode", authorisationCode);
        var invoiceDate = doc.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Date").item(0);
        invoiceDate.setTextContent(date.toString());
        return OutboundPayloadWriter.text(d);
    }

    private static Document template() {
        try (InputStream in = SampleDeclaration.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the classpath");
            }
            return SecureXml.documentBuilderFactory().newDocumentBuilder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("sample DO cannot be read", e);
        }
    }

    private static void setText(Element root, String name, String value) {
        root.getElementsByTagNameNS(Contract.DO_NAMESPACE, name).item(0).setTextContent(value);
    }
}
