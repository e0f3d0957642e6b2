package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML-level attacks from an authenticated partner: refused with their code before any security
 * processing, with one alert carrying that code, nothing stored and no internals in the fault.
 */
class XmlAttackIT {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    @TempDir
    static Path dir;
    static Gateway id;
    static MutualTlsSoapClient client;
    static URI sendCo;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        var kr = configs.get(0);
        client = new MutualTlsSoapClient(GatewayKeys.load(kr.keystores()),
                CredentialFiles.readOutbound(kr.keystores().outboundCredentials()).get(TestGateways.ID_ID));
        sendCo = URI.create(id.baseUrl() + "/send-co");
    }

    @AfterAll
    static void stop() {
        if (id != null) id.close();
    }

    private static void assertRefusedWith(String envelope, String code) {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var response = client.post(sendCo, "urn:coconnect:send-co", envelope.getBytes(StandardCharsets.UTF_8));
        String fault = response.faultString();
        assertTrue(fault != null && fault.startsWith(code), "expected " + code + ", got " + response.text());
        assertFalse(response.text().contains("Exception"), response.text());
        GatewaySnapshot.assertNoInternals(response.text());
        assertTrue(StoredRows.messages(id).isEmpty() && StoredRows.certificates(id).isEmpty());
        before.assertAlerted(ErrorCode.fromCode(code).orElseThrow());
    }

    @Test
    void aDtdWithEntityExpansionInTheEnvelopeIsRefused() {
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <soap:Envelope xmlns:soap="%s"><soap:Body><x>&lol3;</x></soap:Body></soap:Envelope>""".formatted(SOAP);
        assertRefusedWith(billionLaughs, "CC-2002");
    }

    @Test
    void anExternalEntityInTheEnvelopeIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE e [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <soap:Envelope xmlns:soap="%s"><soap:Body><x>&xxe;</x></soap:Body></soap:Envelope>""".formatted(SOAP);
        assertRefusedWith(xxe, "CC-2002");
    }

    /** Woodstox reports an undeclared entity as an event CXF's header reader does not expect (found by FuzzedRequestsIT). */
    @Test
    void anUndeclaredEntityReferenceIsRefusedAsMalformed() {
        assertRefusedWith("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Header><h>x&a;y</h></soap:Header><soap:Body/>"
                + "</soap:Envelope>", "CC-2002");
    }

    /** One flipped bit in the SOAP namespace: no SOAP 1.1 envelope at all (found by FuzzedRequestsIT). */
    @Test
    void anEnvelopeInAnotherNamespaceIsRefusedAsMalformed() {
        assertRefusedWith("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/e~velope/\"><soap:Body/>"
                + "</soap:Envelope>", "CC-2002");
    }

    /** Cut short inside the security header: malformed, though the parser's complaint names wsse:Security (FuzzedRequestsIT). */
    @Test
    void anEnvelopeCutShortInTheSecurityHeaderIsRefusedAsMalformed() {
        assertRefusedWith("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Header><wsse:Security xmlns:wsse=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:BinarySecurityToken>"
                + "MIIEJTCCAo2gAwIBAgINAL2z2dhDxGt1mzNa", "CC-2002");
    }

    @Test
    void deepNestingIsRefusedAsOverTheLimit() {
        String deep = "<a>".repeat(60) + "</a>".repeat(60);
        assertRefusedWith("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Header>" + deep
                + "</soap:Header><soap:Body/></soap:Envelope>", "CC-2004");
    }

    @Test
    void tooManyAttributesAreRefusedAsOverTheLimit() {
        var attributes = new StringBuilder();
        for (int i = 0; i <= XmlLimits.MAX_ATTRIBUTES; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        assertRefusedWith("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Header><h" + attributes
                + "/></soap:Header><soap:Body/></soap:Envelope>", "CC-2004");
    }

    @Test
    void anOversizeBodyIsRefusedBeforeParsing() {
        String huge = "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><x>"
                + "A".repeat(GatewayServer.MAX_BODY_BYTES) + "</x></soap:Body></soap:Envelope>";
        assertRefusedWith(huge, "CC-2004");
    }
}
