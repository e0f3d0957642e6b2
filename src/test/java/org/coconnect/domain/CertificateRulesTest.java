package org.coconnect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;

class CertificateRulesTest {

    static final AdministrationId KR = new AdministrationId("KR", "KCS");
    static final AdministrationId ID = new AdministrationId("ID", "DJBC");
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    static CertificateOfOrigin co(String issuing, String importing, Instant issued, List<GoodsItem> items) {
        return new CertificateOfOrigin(new CertificateReference(issuing, "N-1", 1), issued, new AdministrationId(issuing, "X"),
                importing, "Exporter", "Importer", "AKFTA", items);
    }

    static GoodsItem item(int n, String origin) {
        return new GoodsItem(n, List.of("390110"), origin, "CTH");
    }

    static List<Problem> check(CertificateOfOrigin co) {
        return CertificateRules.check(co, KR, ID, NOW, Duration.ofMinutes(5));
    }

    @Test
    void aConsistentCoHasNoProblems() {
        assertEquals(List.of(), check(co("KR", "ID", NOW.minusSeconds(60), List.of(item(1, "KR"), item(2, "KR")))));
    }

    @Test
    void goodsItemsMustBeNumberedFromOneWithoutGaps() {
        var problems = check(co("KR", "ID", NOW, List.of(item(1, "KR"), item(3, "KR"))));
        assertEquals(ErrorCode.GOODS_ITEM_NUMBERING, problems.get(0).code());
        assertTrue(problems.get(0).location().endsWith("co:GoodsItem[2]/co:SequenceNumber"));
    }

    @Test
    void anIssueDateBeyondTheClockSkewIsInTheFuture() {
        assertTrue(check(co("KR", "ID", NOW.plusSeconds(240), List.of(item(1, "KR")))).isEmpty(), "within skew");
        assertEquals(ErrorCode.DATE_IN_FUTURE,
                check(co("KR", "ID", NOW.plusSeconds(600), List.of(item(1, "KR")))).get(0).code());
    }

    @Test
    void theIssuingCountryMustBeTheSendersAndTheImportingCountryOurs() {
        var codes = check(co("JP", "SG", NOW, List.of(item(1, "JP")))).stream().map(Problem::code).toList();
        assertTrue(codes.contains(ErrorCode.ISSUING_COUNTRY_MISMATCH));
        assertTrue(codes.contains(ErrorCode.IMPORTING_COUNTRY_MISMATCH));
    }

    @Test
    void aForeignOriginIsAWarningNotAnError() {
        var problems = check(co("KR", "ID", NOW, List.of(item(1, "VN"))));
        assertEquals(1, problems.size());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertEquals(ErrorCode.ORIGIN_COUNTRY_DIFFERS, problems.get(0).code());
    }

    @Test
    void operationModeDeleteIsRefusedWithItsOwnCode() {
        var issue = co("KR", "ID", NOW, List.of(item(1, "KR")));
        var delete = new CertificateOfOrigin(issue.reference(), issue.issuedAt(), issue.issuingAuthority(),
                issue.importingCountry(), issue.exporterName(), issue.importerName(), issue.agreementCode(),
                issue.goodsItems(), OperationMode.DELETE);
        var problems = check(delete);
        assertEquals(1, problems.size());
        assertEquals(ErrorCode.OPERATION_MODE_DELETE_REFUSED, problems.get(0).code());
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertTrue(problems.get(0).location().endsWith("co:OperationMode"));
    }

    @Test
    void aDeclinedCancellationOrRejectedTreatmentNeedsAReason() {
        var ref = new CertificateReference("KR", "N-1", 1);
        assertEquals(ErrorCode.REASON_REQUIRED, DecisionRules.check(new CancellationStatus(ref,
                CancellationStatus.Decision.DECLINED, " ", null, NOW), NOW, Duration.ZERO).get(0).code());
        assertEquals(ErrorCode.REASON_REQUIRED, DecisionRules.check(new OriginTreatmentFeedback(ref,
                OriginTreatmentFeedback.Decision.REJECTED, null, "D-1", NOW), NOW, Duration.ZERO).get(0).code());
    }

    @Test
    void headerMustNameUsAsReceiverAndTheSignerAsSender() {
        var header = new MessageHeader(java.util.UUID.randomUUID(), ID, KR, NOW, null, "2.0");
        var codes = HeaderRules.check(header, ID, KR, NOW, Duration.ZERO, "/m:send-co/m:MessageHeader").stream()
                .map(Problem::code).toList();
        assertEquals(List.of(ErrorCode.RECEIVER_NOT_US, ErrorCode.SENDER_NOT_SIGNER, ErrorCode.UNSUPPORTED_SCHEMA_VERSION), codes);
    }
}
