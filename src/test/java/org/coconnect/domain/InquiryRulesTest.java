package org.coconnect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The inquiry rules one at a time: one answer per inquiry, about the inquiry's CO, dates not in the future. */
class InquiryRulesTest {

    static final Instant NOW = Instant.parse("2025-03-17T02:00:00Z");
    static final CertificateReference CO = new CertificateReference("KR", "AK-1", 1);
    static final Official OFFICIAL = new Official("Siti Rahma", null);

    static List<ErrorCode> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    @Test
    void anOpenInquiryTakesAnAnswerAboutItsCo() {
        assertEquals(List.of(), InquiryRules.answerable("q1", InquiryStatus.OPEN, CO, CO, null));
    }

    @Test
    void anAnsweredOrRefusedInquiryTakesNoFurtherAnswer() {
        assertEquals(List.of(ErrorCode.INQUIRY_ALREADY_ANSWERED),
                codes(InquiryRules.answerable("q1", InquiryStatus.ANSWERED, CO, CO, null)));
        assertEquals(List.of(ErrorCode.INQUIRY_ALREADY_ANSWERED),
                codes(InquiryRules.answerable("q1", InquiryStatus.REFUSED, CO, CO, null)));
    }

    @Test
    void anAnswerAboutAnotherVersionOfTheCoIsRefusedNamingBothAndEveryProblemIsListed() {
        var v2 = new CertificateReference("KR", "AK-1", 2);
        var problems = InquiryRules.answerable("q1", InquiryStatus.ANSWERED, CO, v2, "/m:x");
        assertEquals(List.of(ErrorCode.INQUIRY_ALREADY_ANSWERED, ErrorCode.INQUIRY_CERTIFICATE_MISMATCH), codes(problems));
        assertEquals("/m:x/m:CertificateReference", problems.get(1).location());
        assertEquals("Verification inquiry q1 asked about CO KR:AK-1 v1, not KR:AK-1 v2.", problems.get(1).text());
    }

    @Test
    void anInquiryOrAnswerDatedBeyondTheAllowedSkewIsRefused() {
        var skew = Duration.ofMinutes(5);
        var inTime = new VerificationInquiry(UUID.randomUUID(), CO, "?", OFFICIAL, NOW.plus(skew));
        var tooLate = new VerificationInquiry(UUID.randomUUID(), CO, "?", OFFICIAL, NOW.plus(skew).plusSeconds(1));
        assertEquals(List.of(), InquiryRules.check(inTime, NOW, skew, "/m:q"));
        var problems = InquiryRules.check(tooLate, NOW, skew, "/m:q");
        assertEquals(List.of(ErrorCode.DATE_IN_FUTURE), codes(problems));
        assertEquals("/m:q/m:AskedDateTime", problems.get(0).location());
        var answer = new InquiryAnswer(UUID.randomUUID(), CO, "!", OFFICIAL, NOW.plus(skew).plusSeconds(1));
        assertEquals(List.of(ErrorCode.DATE_IN_FUTURE), codes(InquiryRules.check(answer, NOW, skew, "/m:a")));
    }
}
