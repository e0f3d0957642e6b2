package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.LegacyTlsProbe;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the protocols under SOAP, from KR's own TLS key and Basic login: TLS older than 1.2, an
 * HTTP method other than POST, a Content-Type other than text/xml. The bodies are valid, fully
 * secured requests, so that the method or the media type is the only thing wrong.
 */
class ProtocolAttackIT {

    private static final String TEXT_XML = "text/xml; charset=UTF-8";
    private static final String SEND_CO_ACTION = "urn:coconnect:send-co";

    @TempDir
    static Path dir;
    static GatewayConfig krConfig;
    static Gateway id;
    static SendingPartner kr;
    static URI sendCo;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        id = TestGateways.start(configs.get(1));
        kr = SendingPartner.kr(krConfig);
        sendCo = URI.create(id.baseUrl() + "/send-co");
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    // ---- TLS older than 1.2 -----------------------------------------------------------------

    @Test
    void tls11HandshakeIsRefused() throws Exception {
        assertOldTlsRefused("TLSv1.1");
    }

    @Test
    void tls10HandshakeIsRefused() throws Exception {
        assertOldTlsRefused("TLSv1");
    }

    /**
     * The refusal is the handshake's: the gateway answers the ClientHello with a protocol_version alert,
     * so no HTTP request exists, nothing reaches our code, no alert row is raised and there is no answer
     * that could carry internals (only the TLS alert).
     */
    private static void assertOldTlsRefused(String protocol) throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var result = LegacyTlsProbe.run(krConfig.keystores(), "127.0.0.1", id.config().port(), protocol);
        assertEquals("accepted " + protocol, result.control(), "the probe must really offer " + protocol);
        assertTrue(result.gateway().startsWith("refused javax.net.ssl.SSLHandshakeException")
                && result.gateway().contains("protocol_version"), result.gateway());
        before.assertNothingStored();
        assertEquals(List.of(), before.alertCodesSince(), "a failed handshake never reaches the gateway's code");
    }

    // ---- HTTP method and Content-Type -------------------------------------------------------

    @Test
    void getWithoutWsdlIsRefused() {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        assertWrongHttpRequest(before, kr.client().send("GET", sendCo, null, null, null), 405);
    }

    @Test
    void putOfAValidEnvelopeIsRefused() {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        assertWrongHttpRequest(before, kr.client().send("PUT", sendCo, TEXT_XML, SEND_CO_ACTION, validEnvelope()), 405);
    }

    @Test
    void aValidEnvelopeSentAsJsonIsRefused() {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.client().send("POST", sendCo, "application/json", SEND_CO_ACTION, validEnvelope());
        assertWrongHttpRequest(before, answer, 415);
    }

    @Test
    void aValidEnvelopeWithoutContentTypeIsRefused() {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        assertWrongHttpRequest(before, kr.client().send("POST", sendCo, null, SEND_CO_ACTION, validEnvelope()), 415);
    }

    /** Control: the guard leaves the contract readable, and the same envelope POSTed as text/xml is accepted. */
    @Test
    void theWsdlIsStillServedAndAValidPostAccepted() {
        var wsdl = kr.client().send("GET", URI.create(sendCo + "?wsdl"), null, null, null);
        assertEquals(200, wsdl.status(), wsdl::text);
        assertTrue(wsdl.text().contains("CoConnectService"), wsdl::text);
        long messages = GatewaySnapshot.messages(id);
        var answer = kr.client().send("POST", sendCo, TEXT_XML, SEND_CO_ACTION, validEnvelope());
        assertEquals(200, answer.status(), answer::text);
        assertEquals(messages + 1, GatewaySnapshot.messages(id));
    }

    private static byte[] validEnvelope() {
        return kr.secured(SendingPartner.sendCoPayload()).bytes();
    }

    private static void assertWrongHttpRequest(GatewaySnapshot before, MutualTlsSoapClient.Response answer, int status) {
        assertEquals(status, answer.status(), answer::text);
        assertEquals(ErrorCode.WRONG_HTTP_REQUEST.partnerText(), answer.faultString(), answer::text);
        if (status == 405) {
            assertEquals(List.of("POST"), answer.headers().allValues("Allow"));
        }
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.WRONG_HTTP_REQUEST);
    }
}
