package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.config.MonitoringConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.InquiryAnswer;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Official;
import org.coconnect.domain.Operation;
import org.coconnect.domain.VerificationInquiry;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.InquiryView;
import org.coconnect.exchange.RejectionException;
import org.coconnect.exchange.VerificationInquiries;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.InquiryEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.coconnect.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verification inquiries between officials over real HTTPS and WS-Security between two gateways: KR
 * issues COs and answers, ID receives them and asks. One fake clock drives both gateways, so ages and
 * the unanswered alert are walked without waiting; WS-Security timestamps keep real time. Both
 * gateways on H2, then both on PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class VerificationInquiryIT {

    static final Duration ALERT_AFTER = Duration.ofHours(24);
    static final Official SITI = new Official("Siti Rahma", "KPPBC Tanjung Priok");
    static final Official KIM = new Official("Kim Min-jun", null);

    @Parameter
    TestDatabase database;
    @TempDir
    static Path dir;
    static MutableClock clock;
    static Gateway kr;
    static Gateway id;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        var configs = TestGateways.configs(dir.resolve(database.name()), database);
        var monitoring = MonitoringConfig.defaults().withInquiryUnansweredAfter(ALERT_AFTER);
        // Whole milliseconds, as the messages carry them: ages compare exactly.
        clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        kr = Gateway.start(configs.get(0).withMonitoring(monitoring), clock);
        id = Gateway.start(configs.get(1).withMonitoring(monitoring), clock);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    /** KR issues a CO to ID and delivers it. */
    static CertificateReference issued(String number) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(SampleCertificate.create(number, 1, "KR", "ID", 2,
                clock.instant().minusSeconds(30))));
        var ref = kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).certificate();
        kr.deliverDue();
        return ref;
    }

    /** ID asks about a received CO and delivers the inquiry to KR. */
    static VerificationInquiries.Asked asked(CertificateReference ref, String question) {
        var asked = id.useCases().verificationInquiries().ask(ref, question, SITI);
        id.deliverDue();
        return asked;
    }

    static InquiryView view(Gateway g, UUID inquiryId) {
        return g.useCases().verificationInquiries().find(inquiryId).orElseThrow(() -> new AssertionError("no inquiry " + inquiryId));
    }

    static List<String> openIds(Gateway g, CertificateSide side) {
        return g.useCases().verificationInquiries().list(side, InquiryStatus.OPEN, null, null, 1000).stream()
                .map(InquiryView::inquiryId).toList();
    }

    static List<InquiryEntity> inquiryRows(Gateway g, String inquiryId) {
        return g.database().inTransaction(em -> em.createQuery("select i from InquiryEntity i where i.inquiryId = :id",
                InquiryEntity.class).setParameter("id", inquiryId).getResultList());
    }

    /** ID sends an inquiry of its own making straight to KR, as a partner's gateway could. */
    static Acknowledgement idSends(VerificationInquiry inquiry, UUID messageId) throws Exception {
        var client = id.client(TestGateways.KR_ID);
        return client.send(Operation.SEND_VERIFICATION_INQUIRY,
                RequestBuilder.request(Operation.SEND_VERIFICATION_INQUIRY, client.newHeader(messageId, null), inquiry), messageId);
    }

    /** KR sends an answer of its own making straight to ID. */
    static Acknowledgement krSends(InquiryAnswer answer, UUID messageId) throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        return client.send(Operation.SEND_INQUIRY_ANSWER, RequestBuilder.request(Operation.SEND_INQUIRY_ANSWER, client.newHeader(messageId, null),
                answer), messageId);
    }

    static long outboxSize(Gateway g) {
        return g.database().inTransaction(em -> em.createQuery("select count(o) from OutboxEntity o", Long.class)
                .getSingleResult());
    }

    static List<String> codes(Acknowledgement ack) {
        return ack.problems().stream().map(p -> p.code().code()).toList();
    }

    static List<AlertEntity> unansweredAlerts(Gateway g, UUID inquiryId) {
        return StoredRows.alerts(g).stream().filter(a -> a.code().equals(ErrorCode.INQUIRY_UNANSWERED.code()))
                .filter(a -> a.detail().contains(inquiryId.toString())).toList();
    }

    @Test
    void anInquiryIsDeliveredListedOpenWithItsAgeOnBothSidesThenAnsweredAndClosedOnBoth() {
        var ref = issued("KR-ASK-1");
        var asked = asked(ref, "Please explain the origin criterion of item 2.");
        String inquiryId = asked.inquiryId().toString();
        assertEquals(TestGateways.KR_ID, asked.partnerId());
        assertTrue(openIds(id, CertificateSide.IMPORT).contains(inquiryId));
        assertTrue(openIds(kr, CertificateSide.EXPORT).contains(inquiryId));
        assertTrue(openIds(kr, CertificateSide.IMPORT).isEmpty(), "KR asked nothing");

        clock.advance(Duration.ofHours(2));
        InquiryView atKr = view(kr, asked.inquiryId());
        assertEquals(Duration.ofHours(2), atKr.openFor());
        assertEquals(Duration.ofHours(2), view(id, asked.inquiryId()).openFor());
        assertEquals("Please explain the origin criterion of item 2.", atKr.question());
        assertEquals(SITI, atKr.askedBy());
        assertEquals(TestGateways.ID_ID, atKr.partnerId());
        assertEquals(ref, atKr.certificate().reference());
        assertEquals("ACKNOWLEDGED", atKr.certificate().state());

        UUID answerMessage = kr.useCases().verificationInquiries().answer(asked.inquiryId(), "RVC 40 met; cost statement verified.", KIM);
        kr.deliverDue();

        for (Gateway g : List.of(kr, id)) {
            InquiryView closed = view(g, asked.inquiryId());
            assertEquals(InquiryStatus.ANSWERED, closed.status(), g.config().selfId());
            assertEquals("RVC 40 met; cost statement verified.", closed.answer());
            assertEquals(KIM, closed.answeredBy());
            assertEquals(answerMessage.toString(), closed.answerMessageId());
            assertEquals(Duration.ofHours(2), closed.openFor());
        }
        assertTrue(!openIds(id, CertificateSide.IMPORT).contains(inquiryId) && !openIds(kr, CertificateSide.EXPORT)
                .contains(inquiryId), "closed on both sides");
        assertEquals("ACCEPTED", id.outbox().delivery(asked.messageId().toString()).orElseThrow().ackStatus());
        assertEquals("ACCEPTED", kr.outbox().delivery(answerMessage.toString()).orElseThrow().ackStatus());
    }

    @Test
    void aRepeatedDeliveryOfTheInquiryAndOfTheAnswerIsAnsweredDuplicateAndStoredOnce() throws Exception {
        var asked = asked(issued("KR-ASK-DUP"), "Who signed the CO?");
        String payload = id.outbox().byMessageId(asked.messageId().toString()).orElseThrow().payload();
        Acknowledgement again = id.client(TestGateways.KR_ID).send(Operation.SEND_VERIFICATION_INQUIRY,
                OutboundPayloadWriter.parse(payload), asked.messageId());
        assertEquals(AcknowledgementStatus.DUPLICATE, again.status());
        assertEquals(List.of("CC-4001"), codes(again));
        assertEquals(1, inquiryRows(kr, asked.inquiryId().toString()).size());
        assertEquals(1, StoredRows.messagesWithId(kr, asked.messageId().toString()));

        UUID answerMessage = kr.useCases().verificationInquiries().answer(asked.inquiryId(), "The head of the Busan office.", KIM);
        kr.deliverDue();
        String answerPayload = kr.outbox().byMessageId(answerMessage.toString()).orElseThrow().payload();
        Acknowledgement answerAgain = kr.client(TestGateways.ID_ID).send(Operation.SEND_INQUIRY_ANSWER,
                OutboundPayloadWriter.parse(answerPayload), answerMessage);
        assertEquals(AcknowledgementStatus.DUPLICATE, answerAgain.status());
        assertEquals(1, StoredRows.messagesWithId(id, answerMessage.toString()));
        assertEquals(InquiryStatus.ANSWERED, view(id, asked.inquiryId()).status());
    }

    @Test
    void anInquiryAboutACoTheIssuingSideNeverIssuedIsRejectedWithCc5005AndNothingIsStored() throws Exception {
        UUID inquiryId = UUID.randomUUID();
        var inquiry = new VerificationInquiry(inquiryId, new CertificateReference("KR", "KR-NEVER-ISSUED", 1),
                "Is this CO genuine?", SITI, clock.instant());
        Acknowledgement ack = idSends(inquiry, UUID.randomUUID());
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(List.of("CC-5005"), codes(ack));
        assertEquals("/m:send-verification-inquiry/m:VerificationInquiry/m:CertificateReference",
                ack.problems().get(0).location());
        assertTrue(inquiryRows(kr, inquiryId.toString()).isEmpty());
    }

    @Test
    void onlyTheImportingSideAsksAndOnlyAboutACoItReceived() {
        var exported = issued("KR-ASK-OWN");
        long queued = outboxSize(id) + outboxSize(kr);
        var ownCo = assertThrows(RejectionException.class, () -> kr.useCases().verificationInquiries().ask(exported, "?", KIM));
        assertEquals(ErrorCode.UNKNOWN_CERTIFICATE, ownCo.problems().get(0).code());
        var neverReceived = assertThrows(RejectionException.class, () -> id.useCases().verificationInquiries()
                .ask(new CertificateReference("KR", "KR-NOT-RECEIVED", 1), "?", SITI));
        assertEquals(ErrorCode.UNKNOWN_CERTIFICATE, neverReceived.problems().get(0).code());
        assertEquals(queued, outboxSize(id) + outboxSize(kr), "nothing queued");
    }

    @Test
    void anAnswerToAnUnknownInquiryIsRejectedWithCc5201() throws Exception {
        UUID unknown = UUID.randomUUID();
        var answer = new InquiryAnswer(unknown, new CertificateReference("KR", "KR-ASK-1", 1), "Yes.", KIM,
                clock.instant());
        Acknowledgement ack = krSends(answer, UUID.randomUUID());
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(List.of("CC-5201"), codes(ack));
        var local = assertThrows(RejectionException.class, () -> kr.useCases().verificationInquiries().answer(unknown, "Yes.", KIM));
        assertEquals(ErrorCode.UNKNOWN_INQUIRY, local.problems().get(0).code());
    }

    @Test
    void aSecondAnswerIsRejectedWithCc5202OnBothSidesAndTheFirstAnswerStays() throws Exception {
        var ref = issued("KR-ASK-TWICE");
        var asked = asked(ref, "Was the exporter audited?");
        var byAsker = assertThrows(RejectionException.class, () -> id.useCases().verificationInquiries()
                .answer(asked.inquiryId(), "I answer myself.", SITI));
        assertEquals(ErrorCode.UNKNOWN_INQUIRY, byAsker.problems().get(0).code(), "the asking side cannot answer");

        kr.useCases().verificationInquiries().answer(asked.inquiryId(), "Yes, in January.", KIM);
        kr.deliverDue();
        var local = assertThrows(RejectionException.class, () -> kr.useCases().verificationInquiries()
                .answer(asked.inquiryId(), "No.", KIM));
        assertEquals(ErrorCode.INQUIRY_ALREADY_ANSWERED, local.problems().get(0).code());
        Acknowledgement ack = krSends(new InquiryAnswer(asked.inquiryId(), ref, "No.", KIM, clock.instant()),
                UUID.randomUUID());
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(List.of("CC-5202"), codes(ack));
        assertEquals("Yes, in January.", view(id, asked.inquiryId()).answer());
        assertEquals("Yes, in January.", view(kr, asked.inquiryId()).answer());
    }

    @Test
    void anAnswerNamingAnotherCoIsRejectedWithCc5204AndTheInquiryStaysOpen() throws Exception {
        var asked = asked(issued("KR-ASK-MISMATCH"), "Which invoice?");
        var other = new CertificateReference("KR", "KR-SOMETHING-ELSE", 1);
        Acknowledgement ack = krSends(new InquiryAnswer(asked.inquiryId(), other, "Invoice 7.", KIM, clock.instant()),
                UUID.randomUUID());
        assertEquals(List.of("CC-5204"), codes(ack));
        assertEquals(InquiryStatus.OPEN, view(id, asked.inquiryId()).status());
    }

    @Test
    void anInquiryIdUsedAgainForAnotherInquiryIsRejectedWithCc5203() throws Exception {
        var ref = issued("KR-ASK-REUSE");
        var asked = asked(ref, "First question.");
        var reuse = new VerificationInquiry(asked.inquiryId(), ref, "Another question.", SITI, clock.instant());
        Acknowledgement ack = idSends(reuse, UUID.randomUUID());
        assertEquals(List.of("CC-5203"), codes(ack));
        assertEquals("First question.", view(kr, asked.inquiryId()).question());
    }

    @Test
    void anInquiryTheIssuingSideRejectsIsRefusedOnTheAskingSideAndAlerted() throws Exception {
        // KR's gateway sends a CO it has no record of issuing (as a partner's faulty system could):
        // ID receives it, and its inquiry about it is rejected by KR with CC-5005.
        var krClient = kr.client(TestGateways.ID_ID);
        UUID coMessage = UUID.randomUUID();
        var co = SampleCertificate.create("KR-UNRECORDED-1", 1, "KR", "ID", 1, clock.instant().minusSeconds(30));
        assertEquals(AcknowledgementStatus.ACCEPTED, krClient.sendCertificate(krClient.newHeader(coMessage, null), co).status());

        var asked = asked(new CertificateReference("KR", "KR-UNRECORDED-1", 1), "Is this yours?");
        assertEquals(InquiryStatus.REFUSED, view(id, asked.inquiryId()).status());
        assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals(ErrorCode.PARTNER_REJECTED.code())
                && asked.messageId().toString().equals(a.messageId()) && a.detail().contains("CC-5005")));
        assertTrue(!openIds(id, CertificateSide.IMPORT).contains(asked.inquiryId().toString()));
    }

    @Test
    void anUnansweredInquiryAlertsOnBothSidesOnceAfterTheConfiguredTimeAndNotBefore() {
        var open = asked(issued("KR-ASK-LATE"), "Please send the cost statement.");
        var answered = asked(issued("KR-ASK-PROMPT"), "Please confirm the HS code.");
        kr.useCases().verificationInquiries().answer(answered.inquiryId(), "Confirmed: 3901.10.", KIM);
        kr.deliverDue();
        Instant askedAt = view(id, open.inquiryId()).askedAt();

        clock.set(askedAt.plus(ALERT_AFTER).minusSeconds(60));
        kr.watchdog().runOnce();
        id.watchdog().runOnce();
        assertEquals(List.of(), unansweredAlerts(kr, open.inquiryId()));
        assertEquals(List.of(), unansweredAlerts(id, open.inquiryId()));

        clock.set(askedAt.plus(ALERT_AFTER).plusSeconds(60));
        kr.watchdog().runOnce();
        id.watchdog().runOnce();
        AlertEntity atKr = single(unansweredAlerts(kr, open.inquiryId()));
        AlertEntity atId = single(unansweredAlerts(id, open.inquiryId()));
        assertEquals(TestGateways.ID_ID, atKr.partnerId());
        assertEquals(TestGateways.KR_ID, atId.partnerId());
        assertTrue(atKr.detail().contains("coconnect answer " + open.inquiryId()), atKr.detail());
        assertTrue(atId.detail().contains("KR:KR-ASK-LATE v1"), atId.detail());

        clock.advance(Duration.ofDays(3));
        kr.watchdog().runOnce();
        id.watchdog().runOnce();
        assertEquals(1, unansweredAlerts(kr, open.inquiryId()).size(), "once per inquiry, not once a day");
        assertEquals(1, unansweredAlerts(id, open.inquiryId()).size());
        assertEquals(List.of(), unansweredAlerts(kr, answered.inquiryId()));
        assertEquals(List.of(), unansweredAlerts(id, answered.inquiryId()));
    }

    @Test
    void theInquiryIsKeptWithItsCoOnEachSide() {
        var ref = issued("KR-ASK-LINK");
        var asked = asked(ref, "Linked?");
        var atKr = single(inquiryRows(kr, asked.inquiryId().toString()));
        var atId = single(inquiryRows(id, asked.inquiryId().toString()));
        assertEquals(CertificateSide.EXPORT, StoredRows.certificates(kr).stream().filter(c -> c.id().equals(atKr.certificateId()))
                .findFirst().orElseThrow().side());
        assertEquals(CertificateSide.IMPORT, StoredRows.certificates(id).stream().filter(c -> c.id().equals(atId.certificateId()))
                .findFirst().orElseThrow().side());
        assertNull(atKr.answer());
    }

    private static <T> T single(List<T> rows) {
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }
}
