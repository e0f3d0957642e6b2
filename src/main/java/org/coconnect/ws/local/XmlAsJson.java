package org.coconnect.ws.local;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coconnect.ws.SecureXml;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A CO information package as JSON that follows the schema's structure: each element a member named as in the
 * schema (local name), repeated elements an array, simple content a string, attributes as "@name" members beside
 * "value". Nothing is left out, so every data element of the CO is there.
 */
final class XmlAsJson {

    private static final String CO = "CertificateOfOrigin";

    private XmlAsJson() {
    }

    /** The CertificateOfOrigin element of the document (or its root when there is none) as JSON; empty if unreadable. */
    static Optional<Map<String, Object>> certificate(String xml) {
        try {
            var document = SecureXml.documentBuilder().parse(new InputSource(new StringReader(xml)));
            var found = document.getElementsByTagNameNS("*", CO);
            Element root = found.getLength() > 0 ? (Element) found.item(0) : document.getDocumentElement();
            var json = new LinkedHashMap<String, Object>();
            json.put(root.getLocalName(), value(root));
            return Optional.of(json);
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static Object value(Element element) {
        var members = new LinkedHashMap<String, Object>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!"xmlns".equals(a.getPrefix()) && !"xmlns".equals(a.getNodeName())) {
                members.put("@" + (a.getLocalName() == null ? a.getNodeName() : a.getLocalName()), a.getNodeValue());
            }
        }
        boolean hasChildElements = false;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                hasChildElements = true;
                add(members, child.getLocalName(), value(child));
            }
        }
        if (hasChildElements) {
            return members;
        }
        String text = element.getTextContent();
        if (members.isEmpty()) {
            return text;
        }
        members.put("value", text);
        return members;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> members, String name, Object value) {
        Object present = members.get(name);
        if (present == null) {
            members.put(name, value);
        } else if (present instanceof RepeatedElements list) {
            list.add(value);
        } else {
            var list = new RepeatedElements();
            list.add(present);
            list.add(value);
            members.put(name, list);
        }
    }

    /** The values of an element that occurs more than once, in document order. */
    private static final class RepeatedElements extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
