package org.coconnect.ws;

import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;

import org.coconnect.error.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The root element of a SOAP request body, refused with CC-2003 unless it is the one the path serves. */
final class RequestRoot {
    private RequestRoot() {
    }

    /** The body's root element when it is {@code expected}; otherwise a fault naming the path and what came. */
    static Element require(DOMSource request, QName expected, String pathName) {
        Node node = request.getNode();
        Element element = node instanceof Document d ? d.getDocumentElement() : (Element) node;
        if (element == null || !expected.equals(new QName(element.getNamespaceURI(), element.getLocalName()))) {
            throw new GatewayFault(ErrorCode.WRONG_OPERATION, "expected " + expected + " at /" + pathName + ", got "
                    + (element == null ? "nothing" : "{" + element.getNamespaceURI() + "}" + element.getLocalName()));
        }
        return element;
    }
}
