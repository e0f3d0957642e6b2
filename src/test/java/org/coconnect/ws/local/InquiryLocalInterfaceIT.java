package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.support.TwoGateways;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Officials on both sides ask, list, read and answer verification inquiries through the local interface. */
class InquiryLocalInterfaceIT {

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

    static void issueAndDeliver(String number) {
        String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, 1, "KR", "ID", 2,
                Instant.now().minusSeconds(30)));
        assertEquals(201, krHttp.postXml("/certificates", xml).status());
        kr.deliverDue();
    }

    /** ID asks about a delivered CO; returns the inquiry ID. */
    static String ask(String number, String question) {
        issueAndDeliver(number);
        var reply = idHttp.postJson("/certificates/KR/" + number + "/1/inquiries",
                "{\"question\": \"" + question + "\", \"official\": \"Siti Rahma\", \"office\": \"KPPBC Tanjung Priok\"}");
        assertEquals(201, reply.status(), reply.body());
        id.deliverDue();
        return (String) reply.json().get("inquiryId");
    }

    static List<Map<?, ?>> inquiries(LocalHttp http, String query) {
        var reply = http.get("/inquiries" + query);
        assertEquals(200, reply.status(), reply.body());
        return ((List<?>) reply.json().get("inquiries")).stream().<Map<?, ?>>map(m -> (Map<?, ?>) m).toList();
    }

    static Map<?, ?> find(List<Map<?, ?>> inquiries, String inquiryId) {
        return inquiries.stream().filter(i -> inquiryId.equals(i.get("inquiryId"))).findFirst().orElse(null);
    }

    @Test
    void anInquiryAskedHereIsListedOpenOnBothSidesAnsweredThereAndShownWithItsCo() {
        issueAndDeliver("KR-LOCAL-ASK");
        var asked = idHttp.postJson("/certificates/KR/KR-LOCAL-ASK/1/inquiries",
                "{\"question\": \"Please explain item 2.\", \"official\": \"Siti Rahma\"}");
        assertEquals(201, asked.status(), asked.body());
        String inquiryId = (String) asked.json().get("inquiryId");
        assertEquals("/inquiries/" + inquiryId, asked.header("Location"));
        assertEquals("KR-KCS", asked.json().get("partner"));
        assertEquals("KR:KR-LOCAL-ASK v1", asked.json().get("certificate"));
        id.deliverDue();

        Map<?, ?> atId = find(inquiries(idHttp, "?status=OPEN&side=IMPORT"), inquiryId);
        Map<?, ?> atKr = find(inquiries(krHttp, "?status=open&side=EXPORT&partner=ID-DJBC&number=KR-LOCAL-ASK"), inquiryId);
        assertEquals("KR:KR-LOCAL-ASK v1", atKr.get("certificate"));
        assertEquals("Please explain item 2.", atKr.get("question"));
        assertEquals("Siti Rahma", atKr.get("askedBy"));
        assertEquals("OPEN", atId.get("status"));
        assertTrue(((String) atKr.get("openFor")).startsWith("PT"), atKr.toString());

        var answered = krHttp.postJson("/inquiries/" + inquiryId + "/answer",
                "{\"answer\": \"RVC 40 met.\", \"official\": \"Kim Min-jun\", \"office\": \"Busan\"}");
        assertEquals(202, answered.status(), answered.body());
        kr.deliverDue();

        var one = idHttp.get("/inquiries/" + inquiryId);
        assertEquals(200, one.status(), one.body());
        assertEquals("ANSWERED", one.json().get("status"));
        assertEquals("RVC 40 met.", one.json().get("answer"));
        assertEquals("Kim Min-jun", one.json().get("answeredBy"));
        assertEquals("Busan", one.json().get("answeredOffice"));
        var co = (Map<?, ?>) one.json().get("certificate");
        assertEquals("RECEIVED", co.get("status"));
        assertEquals("KR-LOCAL-ASK", co.get("number"));
        assertNull(find(inquiries(krHttp, "?status=OPEN"), inquiryId), "no longer open at KR");
        assertEquals("ANSWERED", find(inquiries(krHttp, ""), inquiryId).get("status"));
    }

    @Test
    void aSecondAnswerIs422WithCc5202() {
        String inquiryId = ask("KR-LOCAL-TWICE", "Who audited the exporter?");
        assertEquals(202, krHttp.postJson("/inquiries/" + inquiryId + "/answer",
                "{\"answer\": \"Busan office.\", \"official\": \"Kim Min-jun\"}").status());
        var again = krHttp.postJson("/inquiries/" + inquiryId + "/answer",
                "{\"answer\": \"Seoul office.\", \"official\": \"Kim Min-jun\"}");
        assertEquals(422, again.status(), again.body());
        assertEquals(List.of("CC-5202"), again.codes());
    }

    @Test
    void unknownInquiriesAndCosAre404WithTheirCodes() {
        String unknown = UUID.randomUUID().toString();
        var answer = krHttp.postJson("/inquiries/" + unknown + "/answer", "{\"answer\": \"Yes.\", \"official\": \"Kim\"}");
        assertEquals(404, answer.status(), answer.body());
        assertEquals(List.of("CC-5201"), answer.codes());
        assertEquals(List.of("CC-5201"), krHttp.get("/inquiries/" + unknown).codes());
        var ask = idHttp.postJson("/certificates/KR/KR-NEVER-SENT/1/inquiries", "{\"question\": \"?\", \"official\": \"Siti\"}");
        assertEquals(404, ask.status(), ask.body());
        assertEquals(List.of("CC-5005"), ask.codes());
    }

    @Test
    void theAskingSideCannotAnswerItsOwnInquiry() {
        String inquiryId = ask("KR-LOCAL-OWN", "Own?");
        var reply = idHttp.postJson("/inquiries/" + inquiryId + "/answer", "{\"answer\": \"Yes.\", \"official\": \"Siti\"}");
        assertEquals(404, reply.status(), reply.body());
        assertEquals(List.of("CC-5201"), reply.codes());
    }

    @Test
    void malformedRequestsAreRefusedNamingEveryProblemAndStoreNothing() {
        issueAndDeliver("KR-LOCAL-BAD");
        var missing = idHttp.postJson("/certificates/KR/KR-LOCAL-BAD/1/inquiries", "{\"question\": \" \", \"oficial\": \"x\"}");
        assertEquals(422, missing.status(), missing.body());
        assertEquals(List.of("CC-7003", "CC-7003", "CC-7003"), missing.codes(), missing.body());
        var badId = krHttp.postJson("/inquiries/not-a-uuid/answer", "{\"answer\": \"x\", \"official\": \"Kim\"}");
        assertEquals(422, badId.status(), badId.body());
        assertEquals("path inquiryId", badId.problems().get(0).get("location"));
        assertEquals(400, idHttp.get("/inquiries?state=OPEN").status());
        assertEquals(List.of("CC-7003"), idHttp.get("/inquiries?status=CLOSED").codes());
        assertEquals(405, idHttp.postJson("/inquiries", "{}").status());
        assertTrue(inquiries(idHttp, "?number=KR-LOCAL-BAD").isEmpty(), "nothing asked");
    }
}
