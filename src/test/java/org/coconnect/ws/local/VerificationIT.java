package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coconnect.Gateway;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.ReferenceCode;
import org.coconnect.persistence.AuditEventEntity;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TwoGateways;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Annex III verification lookup between two gateways over real HTTPS with mutual TLS and WS-Security:
 * KR issues COs; ID's officers ask through ID's local interface (POST /verifications), which asks KR's
 * verify-co operation. Found, wrong code, unknown number, cancelled, superseded, audited, rate-limited.
 */
class VerificationIT {

    @RegisterExtension
    static final TwoGateways gateways = new TwoGateways();
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static LocalHttp krHttp;
    static LocalHttp idHttp;

    @BeforeAll
    static void start() {
        dir = gateways.dir();
        kr = gateways.kr();
        id = gateways.id();
        krHttp = new LocalHttp(kr);
        idHttp = new LocalHttp(id);
    }

    /** Issues version {@code version} through KR's local interface, delivers it, and returns its reference code. */
    static String issue(LocalHttp http, Gateway exporter, String number, int version) {
        String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, version, "KR", "ID", 2,
                Instant.now().minusSeconds(30)));
        var reply = http.postXml("/certificates", xml);
        assertEquals(201, reply.status(), reply.body());
        exporter.deliverDue();
        return (String) reply.json().get("referenceCode");
    }

    static LocalHttp.Reply verify(LocalHttp http, String number, String code) {
        return http.postJson("/verifications", "{\"issuingCountry\":\"KR\",\"certificateNumber\":\"" + number
                + "\",\"referenceCode\":\"" + code + "\"}");
    }

    static void cancel(String number) {
        kr.useCases().requestCancellation().request(new CertificateReference("KR", number, 1), "Invoice number corrected");
        kr.deliverDue();
        id.deliverDue();
    }

    @Test
    void theIssuerGetsAnUnguessableReferenceCodeAndSeesItInTheCertificatesList() {
        String code = issue(krHttp, kr, "KR-VER-CODE", 1);

        assertEquals(ReferenceCode.LENGTH, code.length());
        assertTrue(code.chars().allMatch(c -> ReferenceCode.ALPHABET.indexOf(c) >= 0), code);
        var listed = krHttp.get("/certificates?side=EXPORT&number=KR-VER-CODE");
        var row = (Map<?, ?>) ((List<?>) listed.json().get("certificates")).get(0);
        assertEquals(code, row.get("referenceCode"));
        assertNotEquals(code, issue(krHttp, kr, "KR-VER-CODE-2", 1), "each CO gets its own code");
    }

    @Test
    void theRightNumberAndCodeShowTheCosDataAndValid() {
        String code = issue(krHttp, kr, "KR-VER-FOUND", 1);

        var reply = verify(idHttp, "KR-VER-FOUND", code);

        assertEquals(200, reply.status(), reply.body());
        var answer = reply.json();
        assertEquals("FOUND", answer.get("outcome"));
        assertEquals("KR:KR-VER-FOUND v1", answer.get("certificate"));
        assertEquals("VALID", answer.get("status"));
        assertEquals("ID", answer.get("importingCountry"));
        assertEquals(2L, ((Number) answer.get("goodsItems")).longValue());
        var exported = StoredRows.certificates(kr).stream().filter(c -> c.number().equals("KR-VER-FOUND")).findFirst()
                .orElseThrow();
        assertEquals(exported.exporterName(), answer.get("exporterName"));
        assertEquals(exported.importerName(), answer.get("importerName"));
    }

    @Test
    void aCodeTypedInLowerCaseWithSpacesStillMatches() {
        String code = issue(krHttp, kr, "KR-VER-TYPED", 1);
        String typed = code.substring(0, 5).toLowerCase() + " " + code.substring(5).toLowerCase();

        assertEquals("FOUND", verify(idHttp, "KR-VER-TYPED", typed).json().get("outcome"));
    }

    @Test
    void aWrongCodeAndAnUnknownNumberGetTheSameAnswer() {
        String code = issue(krHttp, kr, "KR-VER-WRONG", 1);
        String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);

        var wrongCode = verify(idHttp, "KR-VER-WRONG", wrong);
        var unknownNumber = verify(idHttp, "KR-VER-NEVER-ISSUED", code);

        assertEquals(200, wrongCode.status(), wrongCode.body());
        assertEquals(Map.of("outcome", "NOT_FOUND"), wrongCode.json());
        assertEquals(wrongCode.status(), unknownNumber.status());
        assertEquals(wrongCode.body(), unknownNumber.body());
    }

    @Test
    void aCancelledCoShowsCancelledWithTheReason() {
        String code = issue(krHttp, kr, "KR-VER-CANCEL", 1);
        cancel("KR-VER-CANCEL");

        var answer = verify(idHttp, "KR-VER-CANCEL", code).json();

        assertEquals("CANCELLED", answer.get("status"));
        assertEquals("Invoice number corrected", answer.get("cancellationReason"));
    }

    @Test
    void aSupersededCoNamesTheVersionThatReplacesItAndTheNewVersionIsValid() {
        String first = issue(krHttp, kr, "KR-VER-AMEND", 1);
        cancel("KR-VER-AMEND");
        String second = issue(krHttp, kr, "KR-VER-AMEND", 2);

        var old = verify(idHttp, "KR-VER-AMEND", first).json();
        var current = verify(idHttp, "KR-VER-AMEND", second).json();

        assertEquals("SUPERSEDED", old.get("status"));
        assertEquals(2L, ((Number) old.get("latestVersion")).longValue());
        assertEquals("KR:KR-VER-AMEND v1", old.get("certificate"));
        assertEquals("VALID", current.get("status"));
        assertEquals("KR:KR-VER-AMEND v2", current.get("certificate"));
    }

    @Test
    void everyLookupIsAuditedWithWhoAndTheOutcomeButNeverTheCode() {
        String code = issue(krHttp, kr, "KR-VER-AUDIT", 1);
        verify(idHttp, "KR-VER-AUDIT", code);
        verify(idHttp, "KR-VER-AUDIT", "WRONGCODE2");

        List<AuditEventEntity> lookups = lookups(kr).stream().filter(e -> e.detail().contains("KR-VER-AUDIT")).toList();

        assertEquals(2, lookups.size(), lookups.toString());
        assertTrue(lookups.stream().allMatch(e -> "ID-DJBC".equals(e.partnerId())));
        assertTrue(lookups.get(0).detail().contains("found KR:KR-VER-AUDIT v1, VALID"), lookups.get(0).detail());
        assertTrue(lookups.get(1).detail().contains("not found or reference code wrong"), lookups.get(1).detail());
        assertTrue(lookups.stream().noneMatch(e -> e.detail().contains(code) || e.detail().contains("WRONGCODE2")));
    }

    @Test
    void aCountryWithoutAPartnerIsRefusedOnTheLocalInterface() {
        var reply = idHttp.postJson("/verifications",
                "{\"issuingCountry\":\"JP\",\"certificateNumber\":\"X-1\",\"referenceCode\":\"ABCDEFGHJK\"}");

        assertEquals(422, reply.status(), reply.body());
        assertEquals(List.of("CC-5011"), reply.codes());
    }

    @Test
    void aPartnerOverItsLookupRateIsRefusedWithCc2007AndTheRefusedLookupReadsNothing() {
        var configs = TestGateways.configs(dir.resolve("rate"));
        var limited = configs.get(0).withVerification(configs.get(0).verification().withRate(2, Duration.ofHours(1)));
        try (Gateway krLimited = TestGateways.start(limited); Gateway idAsking = TestGateways.start(configs.get(1))) {
            var http = new LocalHttp(krLimited);
            var asking = new LocalHttp(idAsking);
            String code = issue(http, krLimited, "KR-VER-RATE", 1);

            assertEquals(200, verify(asking, "KR-VER-RATE", code).status());
            assertEquals(200, verify(asking, "KR-VER-RATE", code).status());
            var refused = verify(asking, "KR-VER-RATE", code);

            assertEquals(502, refused.status(), refused.body());
            assertEquals(List.of("CC-7010"), refused.codes());
            assertTrue(String.valueOf(refused.problems().get(0).get("text")).contains("CC-2007"), refused.body());
            assertEquals(2, lookups(krLimited).size(), "the refused lookup never reached the database");
            assertTrue(StoredRows.alerts(krLimited).stream().anyMatch(a -> a.code().equals("CC-2007")));
        }
    }

    static List<AuditEventEntity> lookups(Gateway gateway) {
        return gateway.database().inTransaction(em -> em.createQuery(
                "select e from AuditEventEntity e where e.kind = 'LOOKUP' order by e.id", AuditEventEntity.class)
                .getResultList());
    }

    @Test
    void theLookupAnswerCarriesNoReasonForAValidCo() {
        String code = issue(krHttp, kr, "KR-VER-NOREASON", 1);
        var answer = verify(idHttp, "KR-VER-NOREASON", code).json();
        assertNull(answer.get("cancellationReason"));
        assertFalse(answer.containsKey("referenceCode"), "the answer never echoes the code");
    }
}
