package org.coconnect.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads a SoapUI project file: its interfaces, test steps with their XPath assertions, and WS-Security entries. */
public final class SoapUiProject {

    public static final Path FILE = Path.of("soapui", "CoConnect-soapui-project.xml").toAbsolutePath();
    public static final String CON = "http://eviware.com/soapui/config";
    private static final Pattern DECLARATION = Pattern.compile("declare namespace (\\w+)\\s*=\\s*'([^']*)'\\s*;");

    /** An XPath Match assertion: SoapUI's path (with its namespace declarations) and the expected value. */
    public record XPathMatch(String name, String path, String expected) {

        /** The value SoapUI compares: the string value of the first node, or of the expression. */
        public String actual(Document response) throws XPathExpressionException {
            Map<String, String> namespaces = new HashMap<>();
            Matcher m = DECLARATION.matcher(path);
            int end = 0;
            while (m.find()) {
                namespaces.put(m.group(1), m.group(2));
                end = m.end();
            }
            var xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new Prefixes(namespaces));
            String expression = path.substring(end).trim();
            Object value = xpath.evaluate(expression, response, XPathConstants.STRING);
            return number(value.toString());
        }

        private static String number(String value) {
            return value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        }
    }

    /** A request test step: its name, operation, request envelope text and XPath assertions. */
    public record Step(String name, String operation, String request, List<XPathMatch> assertions) {
    }

    private record Prefixes(Map<String, String> map) implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return map.get(prefix);
        }

        @Override
        public String getPrefix(String uri) {
            return null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String uri) {
            return java.util.Collections.emptyIterator();
        }
    }

    private final Document doc;

    private SoapUiProject(Document doc) {
        this.doc = doc;
    }

    public static SoapUiProject read() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new SoapUiProject(factory.newDocumentBuilder().parse(FILE.toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("SoapUI project cannot be read", e);
        }
    }

    public List<Element> elements(Node parent, String localName) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS(CON, localName)
                : ((Element) parent).getElementsByTagNameNS(CON, localName);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    /** The project's interfaces (not the test steps' references to them, which share the element name). */
    public List<Element> interfaces() {
        return elements(doc, "interface").stream().filter(e -> e.getParentNode() == doc.getDocumentElement()).toList();
    }

    /** The request steps of every test case, in order. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Element step : elements(doc, "testStep")) {
            if (!"request".equals(step.getAttribute("type"))) {
                continue;
            }
            Element request = elements(step, "request").get(0);
            Element body = elements(request, "request").get(0);
            List<XPathMatch> matches = new ArrayList<>();
            for (Element a : elements(request, "assertion")) {
                if ("XPath Match".equals(a.getAttribute("type"))) {
                    matches.add(new XPathMatch(a.getAttribute("name"), child(a, "path"), child(a, "content")));
                }
            }
            steps.add(new Step(step.getAttribute("name"), elements(step, "operation").get(0).getTextContent(),
                    body.getTextContent(), matches));
        }
        return steps;
    }

    /** The test case properties that the requests expand with ${#TestCase#name}. */
    public List<String> testCaseProperties() {
        return elements(doc, "testCase").stream().flatMap(tc -> elements(tc, "property").stream())
                .map(p -> elements(p, "name").get(0).getTextContent()).toList();
    }

    /** The Groovy script of the test case's first step. */
    public String groovyScript() {
        return doc.getElementsByTagName("script").item(0).getTextContent();
    }

    /** The configuration text of the outgoing WS-Security entry of that type (Timestamp, Signature, Encryption). */
    public Element outgoingEntry(String type) {
        return elements(doc, "entry").stream().filter(e -> type.equals(e.getAttribute("type"))).findFirst()
                .map(e -> elements(e, "configuration").get(0)).orElseThrow(() -> new AssertionError("no " + type + " entry"));
    }

    /** The text of the first unqualified child element with this name (SoapUI's entry configurations are unqualified). */
    public static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
