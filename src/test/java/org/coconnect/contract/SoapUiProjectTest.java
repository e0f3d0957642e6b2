package org.coconnect.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.wsdl.Binding;
import javax.wsdl.BindingOperation;
import javax.wsdl.extensions.soap.SOAPOperation;
import javax.wsdl.factory.WSDLFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.support.SoapUiProject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;

/** The SoapUI project file agrees with the legacy CBC WSDL, its policy's algorithms and the samples. */
class SoapUiProjectTest {

    private static final SoapUiProject PROJECT = SoapUiProject.read();
    private static final Path LEGACY_WSDL = Path.of("wsdl", "coconnect-legacy-cbc.wsdl").toAbsolutePath();

    @Test
    void theProjectsInterfacesAreTheLegacyWsdlsBindingsWithTheirOperationsAndSoapActions() throws Exception {
        var wsdl = WSDLFactory.newInstance().newWSDLReader();
        wsdl.setFeature("javax.wsdl.verbose", false);
        Map<String, String> expected = new TreeMap<>();
        for (Object b : wsdl.readWSDL(LEGACY_WSDL.toUri().toString()).getAllBindings().values()) {
            for (Object o : ((Binding) b).getBindingOperations()) {
                var op = (BindingOperation) o;
                var soap = (SOAPOperation) op.getExtensibilityElements().get(0);
                expected.put(((Binding) b).getQName().getLocalPart() + " " + op.getName(), soap.getSoapActionURI());
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (Element in : PROJECT.interfaces()) {
            Element op = PROJECT.elements(in, "operation").get(0);
            String binding = in.getAttribute("bindingName").replace("{urn:coconnect:wsdl:1}", "");
            actual.put(binding + " " + op.getAttribute("name"), op.getAttribute("action"));
            assertEquals("../wsdl/coconnect-legacy-cbc.wsdl", in.getAttribute("definition"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void outgoingWsSecurityUsesExactlyTheLegacyProfilesAlgorithms() {
        Element signature = PROJECT.outgoingEntry("Signature");
        Element encryption = PROJECT.outgoingEntry("Encryption");
        assertEquals(WsSecurityProperties.RSA_SHA256, SoapUiProject.child(signature, "signatureAlgorithm"));
        assertEquals(WsSecurityProperties.SHA256, SoapUiProject.child(signature, "digestAlgorithm"));
        assertEquals("http://www.w3.org/2001/10/xml-exc-c14n#", SoapUiProject.child(signature, "signatureCanonicalization"));
        assertEquals(WsSecurityProperties.AES_256_CBC, SoapUiProject.child(encryption, "symmetricEncAlgorithm"));
        assertEquals(WsSecurityProperties.RSA_OAEP, SoapUiProject.child(encryption, "encKeyTransport"));
    }

    @Test
    void outgoingWsSecuritySignsTimestampAndBodyWithTheCertificateInlineAndEncryptsTheBodyContent() {
        Element signature = PROJECT.outgoingEntry("Signature");
        assertEquals("1", SoapUiProject.child(signature, "keyIdentifierType"), "1 is a BinarySecurityToken reference");
        assertEquals(List.of("Timestamp", "Body"), parts(signature, "signatureParts"));
        Element encryption = PROJECT.outgoingEntry("Encryption");
        assertEquals(List.of("Body"), parts(encryption, "encryptionParts"));
        assertEquals("Content", SoapUiProject.child((Element) encryption.getElementsByTagName("encryptionParts").item(0), "encode"));
        PROJECT.outgoingEntry("Timestamp");
    }

    @Test
    void eachInterfacesSampleRequestCarriesItsSampleFileUnchanged() throws Exception {
        for (Element in : PROJECT.interfaces()) {
            String operation = PROJECT.elements(in, "operation").get(0).getAttribute("name");
            String envelope = PROJECT.elements(in, "request").get(0).getTextContent();
            var diff = DiffBuilder.compare(Input.fromFile(Path.of("samples", operation + ".xml").toFile()))
                    .withTest(Input.fromNode(bodyChild(envelope))).ignoreComments().ignoreWhitespace().checkForSimilar().build();
            assertFalse(diff.hasDifferences(), () -> operation + ": " + diff);
        }
    }

    @Test
    void everyTestRequestAssertsTheAcknowledgementStatus() {
        var steps = PROJECT.steps();
        assertEquals(7, steps.size());
        for (var step : steps) {
            assertTrue(step.assertions().stream().anyMatch(a -> a.path().endsWith("m:Acknowledgement/m:Status")),
                    step.name() + " has no assertion on the status");
        }
    }

    @Test
    void everyTestCasePropertyIsFreshlySetByTheGroovyStep() {
        List<String> unset = new ArrayList<>();
        for (String property : PROJECT.testCaseProperties()) {
            if (!PROJECT.groovyScript().contains("\"" + property + "\"")) {
                unset.add(property);
            }
        }
        assertEquals(List.of(), unset);
        assertFalse(PROJECT.testCaseProperties().isEmpty());
    }

    private static List<String> parts(Element configuration, String element) {
        var nodes = configuration.getElementsByTagName(element);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(SoapUiProject.child((Element) nodes.item(i), "name"));
        }
        return names;
    }

    static Node bodyChild(String envelope) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
        var body = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return n;
            }
        }
        throw new AssertionError("empty Body");
    }
}
