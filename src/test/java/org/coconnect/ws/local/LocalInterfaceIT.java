package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TwoGateways;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local interface's endpoints over real HTTP on loopback: KR's issuing system hands over COs and
 * cancellations, ID's customs system claims, decides and queries. Delivery is driven by the test.
 */
class LocalInterfaceIT {

    @RegisterExtension
    static final TwoGateways gateways = new TwoGateways();
    static Gateway kr;
    static Gateway id;
    static LocalHttp krHttp;
    static LocalHttp idHttp;

    @BeforeAll
    static void start() {
        kr = gateways.kr();
        id = gateways.id();
        krHttp = new LocalHttp(kr);
        idHttp = new LocalHttp(id);
    }

    static String certificateXml(String number) {
        return OutboundPayloadWriter.text(SampleCertificate.create(number, 1, "KR", "ID", 2, Instant.now().minusSeconds(30)));
    }

    /** Issues through the local interface and delivers to ID. */
    static void issueAndDeliver(String number) {
        assertEquals(201, krHttp.postXml("/certificates", certificateXml(number)).status());
        kr.deliverDue();
    }

    static CertificateEntity row(Gateway g, String side, String number) {
        return StoredRows.certificates(g).stream().filter(c -> c.side().name().equals(side) && c.number().equals(number))
                .findFirst().orElseThrow(() -> new AssertionError("no " + side + " " + number));
    }

    @Test
    void anIssuedCoIsStoredQueuedForThePartnerAndAnswered201() {
        var reply = krHttp.postXml("/certificates", certificateXml("KR-LOCAL-ISSUE"));

        assertEquals(201, reply.status(), reply.body());
        assertEquals("KR:KR-LOCAL-ISSUE v1", reply.json().get("certificate"));
        assertEquals("ID-DJBC", reply.json().get("partner"));
        String messageId = (String) reply.json().get("messageId");
        UUID.fromString(messageId);
        assertEquals("/certificates/KR/KR-LOCAL-ISSUE/1", reply.header("Location"));
        assertEquals(CertificateSide.EXPORT, row(kr, "EXPORT", "KR-LOCAL-ISSUE").side());
        assertTrue(kr.outbox().byMessageId(messageId).isPresent(), "the send-co is in the outbox");
    }

    @Test
    void aCancellationRequestIsAnswered202AndReachesTheImportingSide() {
        issueAndDeliver("KR-LOCAL-CANCEL");

        var reply = krHttp.postJson("/certificates/KR/KR-LOCAL-CANCEL/1/cancellation",
                "{\"reason\": \"Invoice number corrected\"}");
        kr.deliverDue();

        assertEquals(202, reply.status(), reply.body());
        UUID.fromString((String) reply.json().get("messageId"));
        assertEquals("Invoice number corrected", row(kr, "EXPORT", "KR-LOCAL-CANCEL").cancellationReason());
        assertEquals(CertificateState.CANCELLED, row(id, "IMPORT", "KR-LOCAL-CANCEL").state());
    }

    @Test
    void aClaimOnAReceivedCoIsAnswered201NamingTheClaimedVersion() {
        issueAndDeliver("KR-LOCAL-CLAIM");

        var reply = idHttp.postJson("/claims", "{\"issuingCountry\": \"KR\", \"certificateNumber\": \"KR-LOCAL-CLAIM\","
                + " \"declarationNumber\": \"ID-DECL-100\"}");

        assertEquals(201, reply.status(), reply.body());
        assertEquals(Map.of("claimed", "KR:KR-LOCAL-CLAIM v1"), reply.json());
        assertEquals(CertificateState.CLAIMED, row(id, "IMPORT", "KR-LOCAL-CLAIM").state());
        assertEquals("ID-DECL-100", row(id, "IMPORT", "KR-LOCAL-CLAIM").declarationNumber());
    }

    @Test
    void aClaimBeforeTheCoArrivesIsAnswered202PendingAndAppliedOnArrival() {
        var reply = idHttp.postJson("/claims", "{\"issuingCountry\": \"KR\", \"certificateNumber\": \"KR-LOCAL-EARLY\","
                + " \"declarationNumber\": \"ID-DECL-200\"}");
        issueAndDeliver("KR-LOCAL-EARLY");

        assertEquals(202, reply.status(), reply.body());
        assertEquals(Map.of("pending", true), reply.json());
        assertEquals(CertificateState.CLAIMED, row(id, "IMPORT", "KR-LOCAL-EARLY").state());
    }

    @Test
    void aTreatmentDecisionIsAnswered202AndReportedToTheExportingSide() {
        issueAndDeliver("KR-LOCAL-DECIDE");
        idHttp.postJson("/claims", "{\"issuingCountry\": \"KR\", \"certificateNumber\": \"KR-LOCAL-DECIDE\","
                + " \"declarationNumber\": \"ID-DECL-300\"}");

        var reply = idHttp.postJson("/certificates/KR/KR-LOCAL-DECIDE/1/treatment",
                "{\"decision\": \"REJECTED\", \"reason\": \"Origin criterion not met\"}");
        id.deliverDue();

        assertEquals(202, reply.status(), reply.body());
        assertEquals(CertificateState.TREATMENT_REJECTED, row(id, "IMPORT", "KR-LOCAL-DECIDE").state());
        CertificateEntity exported = row(kr, "EXPORT", "KR-LOCAL-DECIDE");
        assertEquals("REJECTED", exported.treatmentDecision());
        assertEquals("Origin criterion not met", exported.decisionReason());
    }

    @Test
    void receivedCosAreListedByNumberPartnerAndStatus() {
        issueAndDeliver("KR-LOCAL-LIST");

        var byNumber = idHttp.get("/certificates?side=IMPORT&number=KR-LOCAL-LIST");
        var byPartnerAndStatus = idHttp.get("/certificates?partner=KR-KCS&status=RECEIVED&limit=1000");
        var otherStatus = idHttp.get("/certificates?status=CLAIMED&limit=1000");

        assertEquals(200, byNumber.status(), byNumber.body());
        List<?> found = (List<?>) byNumber.json().get("certificates");
        assertEquals(1, found.size());
        assertEquals("RECEIVED", ((Map<?, ?>) found.get(0)).get("status"));
        assertTrue(numbers(byPartnerAndStatus).contains("KR-LOCAL-LIST"));
        assertTrue(!numbers(otherStatus).contains("KR-LOCAL-LIST"), "a filter by another status leaves it out");
    }

    @Test
    void oneCoVersionIsShownByItsReference() {
        issueAndDeliver("KR-LOCAL-ONE");

        var reply = idHttp.get("/certificates/KR/KR-LOCAL-ONE/1?side=IMPORT");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("KR:KR-LOCAL-ONE v1", reply.json().get("certificate"));
        assertEquals("IMPORT", reply.json().get("side"));
        assertEquals("KR-KCS", reply.json().get("partner"));
        assertEquals("RECEIVED", reply.json().get("status"));
    }

    @Test
    void messagesNotYetDeliveredAreListed() {
        var issued = krHttp.postXml("/certificates", certificateXml("KR-LOCAL-WAITING"));

        var reply = krHttp.get("/deliveries");

        assertEquals(200, reply.status(), reply.body());
        Map<?, ?> waiting = ((List<?>) reply.json().get("deliveries")).stream().map(d -> (Map<?, ?>) d)
                .filter(d -> d.get("messageId").equals(issued.json().get("messageId"))).findFirst().orElseThrow();
        assertEquals("PENDING", waiting.get("status"));
        assertEquals("send-co", waiting.get("operation"));
        assertEquals("ID-DJBC", waiting.get("partner"));
        kr.deliverDue();
    }

    @Test
    void aWaitingMessageIsResentNowWithItsOwnId() {
        var issued = krHttp.postXml("/certificates", certificateXml("KR-LOCAL-RESEND"));
        String messageId = (String) issued.json().get("messageId");

        var reply = krHttp.post("/deliveries/" + messageId + "/resend", "application/json", "",
                java.util.Optional.of(TestGateways.LOCAL_TOKEN));
        kr.deliverDue();

        assertEquals(202, reply.status(), reply.body());
        assertEquals(Map.of("messageId", messageId), reply.json());
        assertEquals("DELIVERED", kr.outbox().byMessageId(messageId).orElseThrow().status().name());
    }

    private static List<Object> numbers(LocalHttp.Reply reply) {
        return ((List<?>) reply.json().get("certificates")).stream().map(c -> (Object) ((Map<?, ?>) c).get("number")).toList();
    }

    @Test
    void healthIsServedAsJsonWithItsStatus() {
        var reply = krHttp.get("/health");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("UP", reply.json().get("status"), reply.body());
        assertEquals(Boolean.TRUE, reply.json().get("databaseReachable"));
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() {
        issueAndDeliver("KR-LOCAL-METRICS");
        var reply = krHttp.get("/metrics");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.headers().getOrDefault("content-type", List.of("")).get(0).startsWith("text/plain"),
                reply.headers().toString());
        assertTrue(reply.body().contains("coconnect_messages_sent_total{operation=\"send-co\",outcome=\"ACCEPTED\"}"),
                reply.body());
        assertTrue(reply.body().contains("coconnect_outbox_pending"), reply.body());
    }

    @Test
    void alertsAreListedNewestFirstWithTheirCodes() throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                SampleCertificate.create("KR-LOCAL-ALERT", 1, "KR", "SG", 1, Instant.now().minusSeconds(30)));

        var reply = idHttp.get("/alerts");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("\"code\":\"CC-5004\""), "the rejection's alert: " + reply.body());
    }

    @Test
    void aCoNumberHoldingASlashIsOnePercentEncodedPathSegment() {
        var reply = krHttp.get("/certificates/KR/KR%2FSLASH%2B1/1");

        assertEquals(404, reply.status(), reply.body());
        assertEquals(List.of("CC-5005"), reply.codes(), reply.body());
        assertTrue(reply.body().contains("KR/SLASH+1"), "the number as decoded: " + reply.body());
        assertEquals("application/problem+json;charset=utf-8", reply.header("Content-Type").replace(" ", ""));
    }
}
