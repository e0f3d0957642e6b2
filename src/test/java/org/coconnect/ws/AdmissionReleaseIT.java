package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13: every request a partner makes gives its admission back exactly once, whichever way it
 * ends. KR may have 2 requests in flight, so a kind of request that kept its permit would lock KR out
 * after two; each kind is sent many times, then a valid message must still be ACCEPTED and the
 * in-flight gauge read 0.
 */
class AdmissionReleaseIT {

    private static final int TIMES = 150;
    private static final String SEND_CO = "urn:coconnect:send-co";

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
        GatewayConfig idConfig = configs.get(1);
        id = TestGateways.start(idConfig.withPartners(List.of(idConfig.partners().get(0)
                .withLimits(new PartnerLimits(2, 1_000_000, java.time.Duration.ofMinutes(1))))));
        kr = SendingPartner.kr(krConfig);
        sendCo = URI.create(id.baseUrl() + "/send-co");
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @Test
    void wsdlGetsGiveTheirAdmissionBack() throws Exception {
        repeat(() -> assertEquals(200, kr.client().get(URI.create(sendCo + "?wsdl")).status()));
        assertStillServed();
    }

    @Test
    void schemaGetsGiveTheirAdmissionBack() throws Exception {
        String wsdl = kr.client().get(URI.create(sendCo + "?wsdl")).text();
        Matcher xsd = Pattern.compile("schemaLocation=\"([^\"]*\\?xsd=[^\"]*)\"").matcher(wsdl);
        assertTrue(xsd.find(), "the WSDL imports a schema served by the endpoint: " + wsdl);
        URI schema = URI.create(xsd.group(1).replace("&amp;", "&"));
        repeat(() -> assertEquals(200, kr.client().get(schema).status()));
        assertStillServed();
    }

    @Test
    void refusalsInEveryPhaseGiveTheirAdmissionBack() throws Exception {
        byte[] unsigned = org.coconnect.support.HandMadeEnvelope.of(SendingPartner.sendCoPayload()).bytes();
        repeat(() -> {
            // After admission: refused by WS-Security, by the XML parser, by the SOAPAction check.
            assertEquals(500, kr.client().post(sendCo, SEND_CO, unsigned).status());
            assertEquals(500, kr.client().post(sendCo, SEND_CO, "not xml".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(500, kr.client().post(sendCo, "urn:coconnect:receive-co", unsigned).status());
        });
        assertStillServed();
    }

    @Test
    void wrongMethodsAndContentTypesGiveTheirAdmissionBack() throws Exception {
        byte[] body = "<x/>".getBytes(StandardCharsets.UTF_8);
        repeat(() -> {
            assertEquals(405, kr.client().send("PUT", sendCo, "text/xml", SEND_CO, body).status());
            assertEquals(405, kr.client().send("GET", sendCo, null, null, null).status());
            assertEquals(415, kr.client().send("POST", sendCo, "application/json", SEND_CO, body).status());
        });
        assertStillServed();
    }

    @Test
    void uploadsAbortedMidBodyGiveTheirAdmissionBack() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        var keys = GatewayKeys.load(krConfig.keystores());
        tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
        String login = PartnerLimitIT.basic(krConfig);
        for (int i = 0; i < TIMES; i++) {
            try (var socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", id.config().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /send-co HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + login
                        + "\r\nContent-Type: text/xml\r\nSOAPAction: \"" + SEND_CO + "\"\r\nContent-Length: 100000\r\n\r\n"
                        + "<soap:Envelope").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        assertStillServed();
    }

    /** A valid message is ACCEPTED, and once nothing is in flight the gauge reads 0. */
    private static void assertStillServed() throws Exception {
        var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
        assertEquals(200, answer.status(), answer::text);
        Acknowledgement ack = kr.openAcknowledgement(answer.document(), "send-co");
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
        // An aborted upload ends on the server side only when Jetty notices the close: poll, bounded.
        double inFlight = -1;
        for (int i = 0; i < 600 && inFlight != 0; i++) {
            inFlight = gauge();
            if (inFlight != 0) {
                Thread.sleep(50);
            }
        }
        assertEquals(0.0, inFlight, "requests in flight for KR once idle");
    }

    static double gauge() {
        Matcher m = Pattern.compile("(?m)^coconnect_partner_requests_in_flight\\{partner=\"KR-KCS\"[^}]*} (\\S+)$")
                .matcher(id.metricsText());
        assertTrue(m.find(), "the gauge is published");
        return Double.parseDouble(m.group(1));
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void repeat(Attempt attempt) throws Exception {
        for (int i = 0; i < TIMES; i++) {
            attempt.run();
        }
    }
}
