package org.coconnect.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.SecurityProfile;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.HandMadeEnvelope.Signer;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SoapUiProject;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Runs the SoapUI project's test case the way SoapUI would, without SoapUI (not installable here):
 * the Groovy step's fresh identifiers, each request step's envelope secured as its outgoing WS-Security
 * configuration says (Timestamp, RSA-SHA256 signature with the certificate inline, AES-256-CBC and
 * RSA-OAEP), posted to the legacy endpoint of a gateway that has KR-KCS on the legacy profile, the
 * answer decrypted and verified, and every XPath Match assertion of the step evaluated on it.
 */
class SoapUiProjectIT {

    @TempDir
    static Path dir;
    static Gateway id;
    static GatewayKeys krKeys;
    static GatewayConfig krConfig;
    static Crypto krCrypto;
    static X509Certificate idEncryptionCertificate;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        GatewayConfig idConfig = configs.get(1);
        id = TestGateways.start(idConfig.withPartners(idConfig.partners().stream()
                .map(p -> p.withSecurityProfile(SecurityProfile.LEGACY_CBC)).toList()));
        krKeys = GatewayKeys.load(configs.get(0).keystores());
        krConfig = configs.get(0);
        krCrypto = MessageCrypto.create(krKeys);
        idEncryptionCertificate = GatewayKeys.load(idConfig.keystores()).encryptionCertificate();
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theProjectsTestCasePassesAgainstTheLegacyEndpoints() {
        SoapUiProject project = SoapUiProject.read();
        Map<String, String> properties = freshProperties(project.testCaseProperties());
        return project.steps().stream().map(step -> DynamicTest.dynamicTest(step.name(), () -> {
            Document answer = send(step.operation(), expand(step.request(), properties));
            for (var assertion : step.assertions()) {
                assertEquals(assertion.expected(), assertion.actual(answer), assertion.name());
            }
        }));
    }

    /** What the project's Groovy step sets: new message IDs, and two new CO numbers. */
    private static Map<String, String> freshProperties(List<String> names) {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            values.put(name, switch (name) {
                case "coNumber" -> "AK-SOAPUI-" + run + "-1";
                case "otherCoNumber" -> "AK-SOAPUI-" + run + "-2";
                default -> UUID.randomUUID().toString();
            });
        }
        return values;
    }

    private static String expand(String request, Map<String, String> properties) {
        String expanded = request;
        for (var entry : properties.entrySet()) {
            expanded = expanded.replace("${#TestCase#" + entry.getKey() + "}", entry.getValue());
        }
        return expanded;
    }

    private static Document send(String operation, String envelope) throws Exception {
        byte[] secured = HandMadeEnvelope.of(bodyChild(envelope))
                .signedBy(new Signer(krCrypto, GatewayKeys.SIGNING_ALIAS, krKeys.password()))
                .encryptedFor(idEncryptionCertificate)
                .contentEncryption(WsSecurityProperties.AES_256_CBC)
                .bytes();
        MutualTlsSoapClient.Response answer = MutualTlsSoapClient.asPartner(krConfig, TestGateways.ID_ID)
                .post(URI.create(id.baseUrl() + "/legacy/" + operation), "urn:coconnect:" + operation, secured);
        assertEquals(200, answer.status(), answer::text);
        Document doc = answer.document();
        new WSSecurityEngine().processSecurityHeader(doc, null, passwords(), krCrypto, krCrypto);
        return doc;
    }

    private static Element bodyChild(String envelope) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
        Element body = (Element) doc.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty Body in " + envelope);
    }

    private static CallbackHandler passwords() {
        return callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(krKeys.password()));
                }
            }
        };
    }
}
