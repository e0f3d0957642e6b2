package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coconnect.Gateway;
import org.coconnect.config.ConfigException;
import org.coconnect.config.GatewayConfig;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TwoGateways;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the local interface refuses, over real HTTP on loopback: each refusal carries our stable code,
 * and a refused request changes nothing.
 */
class LocalInterfaceRefusalIT {

    @RegisterExtension
    static final TwoGateways gateways = new TwoGateways();
    static Path dir;
    static List<GatewayConfig> configs;
    static Gateway kr;
    static Gateway id;
    static LocalHttp krHttp;
    static LocalHttp idHttp;

    @BeforeAll
    static void start() {
        dir = gateways.dir();
        configs = gateways.configs();
        kr = gateways.kr();
        id = gateways.id();
        krHttp = new LocalHttp(kr);
        idHttp = new LocalHttp(id);
    }

    /** What KR holds: its COs and its outbox, to show that a refused request changed neither. */
    static String krState() {
        return StoredRows.certificates(kr).stream().map(c -> c.number() + "/" + c.state()).toList() + " "
                + kr.outbox().undelivered().size();
    }

    static long pendingClaims(Gateway g) {
        return g.database().inTransaction(em -> em.createQuery("select count(p) from PendingClaimEntity p", Long.class)
                .getSingleResult());
    }

    @Test
    void aRequestWithoutATokenIsRefused401AndChangesNothing() {
        String before = krState();

        var reply = krHttp.post("/certificates", "application/xml", LocalInterfaceIT.certificateXml("KR-NOTOKEN"),
                Optional.empty());

        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"coconnect-local\"", reply.header("WWW-Authenticate"));
        assertEquals(List.of("CC-7001"), reply.codes());
        assertEquals(before, krState());
    }

    @Test
    void aRequestWithAWrongTokenIsRefused401AndChangesNothing() {
        String wrong = TestGateways.LOCAL_TOKEN.substring(0, TestGateways.LOCAL_TOKEN.length() - 1) + "X";
        long claimsBefore = pendingClaims(id);

        var reply = idHttp.post("/claims", "application/json", "{\"issuingCountry\": \"KR\", \"certificateNumber\":"
                + " \"KR-BADTOKEN\", \"declarationNumber\": \"ID-DECL-1\"}", Optional.of(wrong));

        assertEquals(401, reply.status());
        assertTrue(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""), reply.header("WWW-Authenticate"));
        assertEquals(List.of("CC-7001"), reply.codes());
        assertEquals(claimsBefore, pendingClaims(id));
    }

    @Test
    void theTokenIsCheckedBeforeTheBodyIsRead() {
        // The body announced is never sent: a server that read it before checking the token would hang.
        String status = idHttp.statusLineWithoutBody("POST /claims HTTP/1.1", "Authorization: Bearer wrong",
                "Content-Type: application/json", "Content-Length: 1000");

        assertEquals("HTTP/1.1 401 Unauthorized", status);
    }

    @Test
    void aSchemaInvalidCoIsRefused422ListingEveryProblemWithItsLocationAndStoresNothing() throws IOException {
        String before = krState();
        String xml = example().replace("<CertificateNumber>AK-2025-KR-BS-0012345</CertificateNumber>",
                        "<CertificateNumber>KR-SCHEMA-BAD</CertificateNumber>")
                .replace("<Version>1</Version>", "<Version>first</Version>")
                .replace("<ImportingCountryCode>ID</ImportingCountryCode>",
                        "<ImportingCountryCode>Indonesia</ImportingCountryCode>");

        var reply = krHttp.postXml("/certificates", xml);

        assertEquals(422, reply.status(), reply.body());
        assertTrue(reply.problems().size() >= 2, reply.body());
        for (Map<?, ?> problem : reply.problems()) {
            assertEquals("CC-2001", problem.get("code"));
            assertEquals("ERROR", problem.get("severity"));
            assertTrue(String.valueOf(problem.get("location")).startsWith("/"), "located: " + problem);
        }
        assertTrue(reply.problems().stream().anyMatch(p -> String.valueOf(p.get("location")).contains("Version")));
        assertTrue(reply.problems().stream().anyMatch(p -> String.valueOf(p.get("location")).contains("ImportingCountry")));
        assertEquals(before, krState());
    }

    @Test
    void aCoInAnotherContentTypeIsRefused415() {
        var reply = krHttp.post("/certificates", "text/plain", LocalInterfaceIT.certificateXml("KR-PLAIN"),
                Optional.of(TestGateways.LOCAL_TOKEN));

        assertEquals(415, reply.status());
        assertEquals(List.of("CC-7002"), reply.codes());
    }

    @Test
    void aClaimWithMalformedFieldsIsRefused422NamingEachFieldAndKeepsNothing() {
        long claimsBefore = pendingClaims(id);

        var reply = idHttp.postJson("/claims", "{\"issuingCountry\": \"Korea\", \"certificateNumber\": \" \","
                + " \"declarationNumber\": \"two  spaces\", \"declarationNo\": \"x\"}");

        assertEquals(422, reply.status(), reply.body());
        assertEquals(List.of("$.declarationNo", "$.issuingCountry", "$.certificateNumber", "$.declarationNumber"),
                reply.problems().stream().map(p -> p.get("location")).toList());
        assertTrue(reply.codes().stream().allMatch("CC-7003"::equals), reply.body());
        assertEquals(claimsBefore, pendingClaims(id));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused400() {
        var reply = idHttp.postJson("/claims", "{\"issuingCountry\": \"KR\",}");

        assertEquals(400, reply.status());
        assertEquals(List.of("CC-7002"), reply.codes());
    }

    @Test
    void aBodyOverTheLimitIsRefused413WithoutBeingRead() {
        String status = idHttp.statusLineWithoutBody("POST /claims HTTP/1.1",
                "Authorization: Bearer " + TestGateways.LOCAL_TOKEN, "Content-Type: application/json",
                "Content-Length: " + (64 * 1024 + 1));

        // The reason phrase is the server's own (Jetty: "Payload Too Large"; RFC 9110: "Content Too Large").
        assertTrue(status.startsWith("HTTP/1.1 413 "), status);
    }

    @Test
    void aCancellationOfAnUnknownCoIsRefused404() {
        var reply = krHttp.postJson("/certificates/KR/KR-NEVER-ISSUED/1/cancellation", "{\"reason\": \"typo\"}");

        assertEquals(404, reply.status());
        assertEquals(List.of("CC-5005"), reply.codes());
    }

    @Test
    void aDeliveredMessageIsNotResent409() {
        var issued = krHttp.postXml("/certificates", LocalInterfaceIT.certificateXml("KR-DELIVERED"));
        kr.deliverDue();

        var reply = krHttp.postJson("/deliveries/" + issued.json().get("messageId") + "/resend", "");

        assertEquals(409, reply.status(), reply.body());
        assertEquals(List.of("CC-7005"), reply.codes());
    }

    @Test
    void aResendOfAnUnknownMessageIsRefused404() {
        var reply = krHttp.postJson("/deliveries/" + java.util.UUID.randomUUID() + "/resend", "");

        assertEquals(404, reply.status(), reply.body());
        assertEquals(List.of("CC-7004"), reply.codes());
    }

    /** Sets an outbox row as it may be found in a database the gateway ran on before (see the operations guide). */
    private static String settledAs(String number, String status, String payload) {
        var issued = krHttp.postXml("/certificates", LocalInterfaceIT.certificateXml(number));
        String messageId = (String) issued.json().get("messageId");
        kr.deliverDue();
        kr.database().inTransaction(em -> em.createNativeQuery("update outbox set status = ?, payload = coalesce(?, payload)"
                + " where message_id = ?").setParameter(1, status).setParameter(2, payload).setParameter(3, messageId)
                .executeUpdate());
        return messageId;
    }

    @Test
    void aResendOfARejectedMessageWhoseContentWasErasedIsRefused409() {
        String messageId = settledAs("KR-ERASED", "REJECTED", "");     // what retention did before it kept them
        String before = krState();

        var reply = krHttp.postJson("/deliveries/" + messageId + "/resend", "");

        assertEquals(409, reply.status(), reply.body());
        assertEquals(List.of("CC-7012"), reply.codes());
        assertEquals(before, krState(), "a refused resend changes nothing");
    }

    @Test
    void aResendOfAFailedSendCoWhoseCoIsNoLongerAwaitingDeliveryIsRefused409() {
        String messageId = settledAs("KR-MOVED-ON", "FAILED", null);    // its CO is ACKNOWLEDGED
        String before = krState();

        var reply = krHttp.postJson("/deliveries/" + messageId + "/resend", "");

        assertEquals(409, reply.status(), reply.body());
        assertEquals(List.of("CC-7011"), reply.codes());
        assertTrue(reply.body().contains("ACKNOWLEDGED"), reply.body());
        assertEquals(before, krState(), "a refused resend changes nothing");
        assertEquals("FAILED", kr.outbox().byMessageId(messageId).orElseThrow().status().name());
    }

    @Test
    void anUnknownPathIsRefused404AndAWrongMethod405() {
        var unknown = krHttp.get("/certificate");
        var wrongMethod = krHttp.get("/claims");

        assertEquals(404, unknown.status());
        assertEquals(List.of("CC-7002"), unknown.codes());
        assertEquals(405, wrongMethod.status());
        assertEquals("POST", wrongMethod.header("Allow"));
    }

    @Test
    void aNonLoopbackBindAddressIsRefusedAtStartUp() {
        var fresh = TestGateways.config(TestGateways.KR, TestGateways.freePort(), dir.resolve("exposed"));
        var exposed = fresh.withLocalApi(fresh.localApi().withHost("0.0.0.0"));
        int localPort = exposed.localApi().port();

        var e = assertThrows(ConfigException.class, () -> TestGateways.start(exposed));

        assertTrue(e.getMessage().contains("'local.host'") && e.getMessage().contains("loopback"), e.getMessage());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", localPort).close(), "nothing listens");
    }

    private static String example() throws IOException {
        try (var in = LocalInterfaceRefusalIT.class.getClassLoader()
                .getResourceAsStream("xsd/examples/certificate-of-origin.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
