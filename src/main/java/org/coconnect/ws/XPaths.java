package org.coconnect.ws;

import org.w3c.dom.Node;

/** Builds the XPath of a node in a payload, with the prefixes used in our documentation (m:, co:). */
final class XPaths {

    private XPaths() {
    }

    static String of(Node node) {
        if (node == null || node.getNodeType() != Node.ELEMENT_NODE) {
            return null;
        }
        var path = new StringBuilder();
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            path.insert(0, "/" + prefix(n) + n.getLocalName() + position(n));
        }
        return path.toString();
    }

    private static String prefix(Node n) {
        String ns = n.getNamespaceURI();
        if (Contract.MESSAGES_NAMESPACE.equals(ns)) {
            return "m:";
        }
        if (Contract.CO_NAMESPACE.equals(ns)) {
            return "co:";
        }
        if (Contract.DO_NAMESPACE.equals(ns)) {
            return "do:";
        }
        return "";
    }

    /** "[k]" when the element has same-named siblings, so that the path names exactly one node. */
    private static String position(Node n) {
        int index = 1;
        boolean siblings = false;
        for (Node s = n.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
            if (sameName(s, n)) {
                index++;
                siblings = true;
            }
        }
        for (Node s = n.getNextSibling(); s != null && !siblings; s = s.getNextSibling()) {
            siblings = sameName(s, n);
        }
        return siblings ? "[" + index + "]" : "";
    }

    private static boolean sameName(Node a, Node b) {
        return a.getNodeType() == Node.ELEMENT_NODE && a.getLocalName().equals(b.getLocalName())
                && java.util.Objects.equals(a.getNamespaceURI(), b.getNamespaceURI());
    }
}
