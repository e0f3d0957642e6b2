package org.coconnect.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The legacy CBC WSDL is the standard one with another policy: same types, messages, port types and
 * bindings, so that one set of samples and one client serve both; only the suite, names and addresses differ.
 */
class LegacyCbcWsdlTest {

    private static final Path STANDARD = Path.of("wsdl", "coconnect.wsdl");
    private static final Path LEGACY = Path.of("wsdl", "coconnect-legacy-cbc.wsdl");
    private static final String SP = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";

    @Test
    void everythingFromTypesToBindingsIsTheStandardWsdlsWithTheOtherPolicyReference() throws Exception {
        String standard = contract(Files.readString(STANDARD));
        String legacy = contract(Files.readString(LEGACY)).replace("#CoConnectLegacyCbcMessageSecurity", "#CoConnectMessageSecurity");
        assertEquals(standard, legacy);
    }

    @Test
    void thePolicyUsesTheStandardSuiteBasic256Sha256WithMetrosSha256SignatureAttribute() throws Exception {
        Document doc = parse(LEGACY);
        Element suite = (Element) doc.getElementsByTagNameNS(SP, "AlgorithmSuite").item(0);
        assertEquals(1, suite.getElementsByTagNameNS(SP, "Basic256Sha256").getLength());
        assertEquals("SHA256withRSA", suite.getAttribute("signatureAlgorithm"));
    }

    @Test
    void theLegacyPortsAreAddressedUnderLegacy() throws Exception {
        var addresses = parse(LEGACY).getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "address");
        for (int i = 0; i < addresses.getLength(); i++) {
            String location = ((Element) addresses.item(i)).getAttribute("location");
            assertEquals(true, location.contains("/legacy/send-"), location);
        }
        assertEquals(org.coconnect.domain.Operation.values().length, addresses.getLength());
    }

    /** From wsdl:types up to (not including) wsdl:service. */
    private static String contract(String wsdl) {
        return wsdl.substring(wsdl.indexOf("<wsdl:types>"), wsdl.indexOf("<wsdl:service"));
    }

    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

}
