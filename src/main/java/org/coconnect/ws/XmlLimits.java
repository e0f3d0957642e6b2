package org.coconnect.ws;

import org.apache.cxf.Bus;
import org.coconnect.error.ErrorCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Limits against XML denial of service. The envelope is parsed by CXF's StAX reader under the bus
 * limits set here; the decrypted payload, which that reader never sees, is walked once against the
 * same kind of limits before it is validated.
 */
public final class XmlLimits {

    static final int MAX_DEPTH = 48;
    static final int MAX_CHILD_ELEMENTS = 20_000;
    static final int MAX_ELEMENTS = 500_000;
    /**
     * Woodstox fixes the attribute count when CXF creates its reader factory, from the system property
     * {@link #installDecryptedContentLimits} sets: the envelope's limit as well as the payload's.
     */
    static final int MAX_ATTRIBUTES = 64;
    static final int MAX_ATTRIBUTE_LENGTH = 8_192;
    /** One text node: a several-MB CO's encrypted body is a single base64 CipherValue. */
    static final int MAX_TEXT_LENGTH = GatewayServer.MAX_BODY_BYTES;
    /** Decrypted content is parsed inside a wrapper element: one level, and one element, more than the payload. */
    static final int WRAPPER_DEPTH = 1;

    private XmlLimits() {
    }

    /** Applies the limits to every StAX reader CXF creates on this bus. */
    public static void apply(Bus bus) {
        bus.setProperty("org.apache.cxf.stax.maxElementDepth", MAX_DEPTH);
        bus.setProperty("org.apache.cxf.stax.maxChildElements", MAX_CHILD_ELEMENTS);
        bus.setProperty("org.apache.cxf.stax.maxElementCount", (long) MAX_ELEMENTS);
        bus.setProperty("org.apache.cxf.stax.maxAttributeCount", MAX_ATTRIBUTES);
        bus.setProperty("org.apache.cxf.stax.maxAttributeSize", MAX_ATTRIBUTE_LENGTH);
        bus.setProperty("org.apache.cxf.stax.maxTextLength", MAX_TEXT_LENGTH);
    }

    /**
     * Makes what WS-Security decrypts parse under the payload limits, while it is parsed. CXF's decryption
     * parses the plaintext with a new reader from its StaxUtils (CXF's StaxSerializer, which WSS4J then
     * uses instead of Santuario's parser), and that reader takes its limits from these system properties,
     * never from the bus; Santuario's own decryption path parses with {@link DecryptedContentParser}.
     * Both read their property once, when their class loads: this must run before any CXF or XML Security
     * work in the JVM, so the gateway calls it from its class initialiser. The envelope's reader keeps the
     * bus limits of {@link #apply}.
     */
    public static void installDecryptedContentLimits() {
        var properties = System.getProperties();
        properties.putIfAbsent("org.apache.xml.security.XMLParser", DecryptedContentParser.class.getName());
        properties.putIfAbsent("org.apache.cxf.stax.maxElementDepth", String.valueOf(MAX_DEPTH + WRAPPER_DEPTH));
        properties.putIfAbsent("org.apache.cxf.stax.maxChildElements", String.valueOf(MAX_CHILD_ELEMENTS));
        properties.putIfAbsent("org.apache.cxf.stax.maxElementCount", String.valueOf((long) MAX_ELEMENTS + WRAPPER_DEPTH));
        properties.putIfAbsent("org.apache.cxf.stax.maxAttributeCount", String.valueOf(MAX_ATTRIBUTES));
        properties.putIfAbsent("org.apache.cxf.stax.maxAttributeSize", String.valueOf(MAX_ATTRIBUTE_LENGTH));
        properties.putIfAbsent("org.apache.cxf.stax.maxTextLength", String.valueOf(MAX_TEXT_LENGTH));
    }

    /** Walks the decrypted payload; throws a fault with PAYLOAD_LIMIT_EXCEEDED at the first limit passed. */
    static void check(Element payload) {
        int[] elements = {0};
        walk(payload, 1, elements);
    }

    private static void walk(Element element, int depth, int[] elements) {
        if (depth > MAX_DEPTH) {
            throw exceeded("element depth over " + MAX_DEPTH);
        }
        if (++elements[0] > MAX_ELEMENTS) {
            throw exceeded("more than " + MAX_ELEMENTS + " elements");
        }
        var attributes = element.getAttributes();
        if (attributes.getLength() > MAX_ATTRIBUTES) {
            throw exceeded(attributes.getLength() + " attributes on " + element.getLocalName());
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.item(i).getNodeValue().length() > MAX_ATTRIBUTE_LENGTH) {
                throw exceeded("attribute " + attributes.item(i).getNodeName() + " longer than " + MAX_ATTRIBUTE_LENGTH);
            }
        }
        int children = 0;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (++children > MAX_CHILD_ELEMENTS) {
                    throw exceeded("more than " + MAX_CHILD_ELEMENTS + " children in " + element.getLocalName());
                }
                walk(child, depth + 1, elements);
            } else if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().length() > MAX_TEXT_LENGTH) {
                throw exceeded("text longer than " + MAX_TEXT_LENGTH + " in " + element.getLocalName());
            }
        }
    }

    private static GatewayFault exceeded(String detail) {
        return new GatewayFault(ErrorCode.PAYLOAD_LIMIT_EXCEEDED, detail);
    }
}
