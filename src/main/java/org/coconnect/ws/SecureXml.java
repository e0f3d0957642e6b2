package org.coconnect.ws;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/** XML parsers with DTDs, external entities and XInclude switched off. */
public final class SecureXml {

    // Configured once and never changed after, so sharing it between threads is safe.
    private static final DocumentBuilderFactory SHARED = documentBuilderFactory();

    private SecureXml() {
    }

    /** A new parser from a shared, secure factory (a factory lookup per document scans the class path). */
    public static DocumentBuilder documentBuilder() {
        try {
            return SHARED.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("secure XML parsing is unavailable", e);
        }
    }

    public static DocumentBuilderFactory documentBuilderFactory() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("secure XML parsing is unavailable", e);
        }
    }
}
