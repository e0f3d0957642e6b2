package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.xml.security.c14n.Canonicalizer;
import org.coconnect.client.PartnerClient;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/**
 * A partner (KR) pushes messages to our gateway (ID) over real mutual TLS with real WS-Security, once
 * on H2 and once on PostgreSQL: deduplication rests on each database's unique constraint.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class InboundExchangeIT {

    @Parameter
    TestDatabase database;
    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static PartnerClient toId;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        var configs = TestGateways.configs(dir.resolve(database.name()), database);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
        toId = kr.client(TestGateways.ID_ID);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    private static Element certificate(String number) {
        return SampleCertificate.create(number, 1, "KR", "ID", 2, Instant.now().minusSeconds(60));
    }

    private static MessageHeader header() {
        return toId.newHeader(UUID.randomUUID(), null);
    }

    @Test
    void sendCoIsAcceptedStoredWithEvidenceAndDigest() throws Exception {
        var header = header();
        Element payload = RequestBuilder.sendCo(header, certificate("KR-HAPPY-1"));
        Acknowledgement ack = toId.send(Operation.SEND_CO, payload, header.messageId());

        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
        assertEquals(header.messageId(), ack.receivedMessageId());
        assertArrayEquals(sha256OfCanonical(payload), ack.payloadDigest(), "digest is SHA-256 of the exc-c14n payload");
        MessageEntity stored = StoredRows.messages(id).stream()
                .filter(m -> m.messageId().equals(header.messageId().toString())).findFirst().orElseThrow();
        assertEquals("send-co", stored.operation());
        assertEquals(TestGateways.KR_ID, stored.partnerId());
        assertEquals(AcknowledgementStatus.ACCEPTED, stored.ackStatus());
        assertTrue(new String(stored.rawEnvelope()).contains("EncryptedData"), "the raw envelope is kept as received");
        Diff diff = DiffBuilder.compare(Input.fromNode(payload.getOwnerDocument())).withTest(Input.fromString(stored.payload()))
                .ignoreWhitespace().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), () -> "the decrypted payload is kept as sent: " + diff);
        CertificateEntity co = certificateRow("KR-HAPPY-1");
        assertEquals(CertificateState.RECEIVED, co.state());
        assertEquals(2, co.goodsItemCount());
    }

    @Test
    void aRetryOfTheSameMessageIsStoredOnceAndAnsweredDuplicateWithTheOriginalReceipt() throws Exception {
        var header = header();
        Element payload = RequestBuilder.sendCo(header, certificate("KR-RETRY-1"));
        Acknowledgement first = toId.send(Operation.SEND_CO, payload, header.messageId());
        Acknowledgement second = toId.send(Operation.SEND_CO, payload, header.messageId());

        assertEquals(AcknowledgementStatus.ACCEPTED, first.status());
        assertEquals(AcknowledgementStatus.DUPLICATE, second.status());
        assertEquals(first.receivedAt(), second.receivedAt(), "the duplicate repeats the original receipt time");
        assertArrayEquals(first.payloadDigest(), second.payloadDigest());
        assertTrue(hasCode(second, ErrorCode.DUPLICATE_MESSAGE));
        assertEquals(1, StoredRows.messagesWithId(id, header.messageId().toString()));
    }

    @Test
    void twentyConcurrentCopiesOfOneMessageAreStoredOnce() throws Exception {
        var header = header();
        Element payload = RequestBuilder.sendCo(header, certificate("KR-RACE-1"));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Acknowledgement>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Acknowledgement> send = () -> {
                    start.await();
                    return toId.send(Operation.SEND_CO, (Element) payload.cloneNode(true), header.messageId());
                };
                answers.add(pool.submit(send));
            }
            start.countDown();
            int accepted = 0;
            int duplicate = 0;
            for (Future<Acknowledgement> answer : answers) {
                switch (answer.get().status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicate++;
                    default -> throw new AssertionError("unexpected " + answer.get());
                }
            }
            assertEquals(1, accepted);
            assertEquals(19, duplicate);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, StoredRows.messagesWithId(id, header.messageId().toString()));
        assertEquals(1, StoredRows.certificates(id).stream().filter(c -> c.number().equals("KR-RACE-1")).count());
    }

    @Test
    void theSameMessageIdWithOtherContentIsRejectedAsConflictAndNothingNewIsStored() throws Exception {
        var header = header();
        toId.sendCertificate(header, certificate("KR-CONFLICT-1"));
        Acknowledgement ack = toId.sendCertificate(header, certificate("KR-CONFLICT-2"));

        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertTrue(hasCode(ack, ErrorCode.MESSAGE_ID_CONFLICT), () -> ack.problems().toString());
        assertEquals(1, StoredRows.messagesWithId(id, header.messageId().toString()));
        assertTrue(StoredRows.certificates(id).stream().noneMatch(c -> c.number().equals("KR-CONFLICT-2")));
    }

    @Test
    void theSameCoUnderANewMessageIdIsABusinessDuplicateAndNotStoredAgain() throws Exception {
        toId.sendCertificate(header(), certificate("KR-BUSINESS-1"));
        Acknowledgement again = toId.sendCertificate(header(), certificate("KR-BUSINESS-1"));

        assertEquals(AcknowledgementStatus.DUPLICATE, again.status());
        assertTrue(hasCode(again, ErrorCode.BUSINESS_DUPLICATE), () -> again.problems().toString());
        assertEquals(1, StoredRows.certificates(id).stream().filter(c -> c.number().equals("KR-BUSINESS-1")).count());
    }

    @Test
    void aSchemaInvalidPayloadIsRejectedWithEveryErrorAndItsLocation() throws Exception {
        Element co = certificate("KR-INVALID-1");
        setFirst(co, "ImportingCountryCode", "XX");            // not an ISO 3166-1 code
        setFirst(co, "Code", "12AB");                          // not an HS code
        setFirst(co, "IssueDateTime", "yesterday");           // not a date-time
        var header = header();
        Acknowledgement ack = toId.sendCertificate(header, co);

        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        List<Problem> schemaErrors = ack.problems().stream().filter(p -> p.code() == ErrorCode.SCHEMA_INVALID).toList();
        assertTrue(schemaErrors.size() >= 3, () -> "all three errors are listed: " + schemaErrors);
        assertTrue(schemaErrors.stream().anyMatch(p -> p.location().endsWith("co:ImportingCountryCode")), schemaErrors::toString);
        assertTrue(schemaErrors.stream().anyMatch(p -> p.location().contains("co:Classification") && p.location().endsWith("co:Code")),
                schemaErrors::toString);
        assertTrue(schemaErrors.stream().anyMatch(p -> p.location().endsWith("co:IssueDateTime")), schemaErrors::toString);
        assertEquals(0, StoredRows.messagesWithId(id, header.messageId().toString()), "a rejection never enters the store");
        assertTrue(StoredRows.certificates(id).stream().noneMatch(c -> c.number().equals("KR-INVALID-1")));
        assertTrue(StoredRows.rejections(id).stream().anyMatch(r -> r.messageId().equals(header.messageId().toString())
                && r.codes().contains("CC-2001")), "the rejection is recorded with its codes");
        assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> header.messageId().toString().equals(a.messageId())),
                "every rejected message raises an alert");
    }

    @Test
    void businessRulesAreAllReportedInOneRejection() throws Exception {
        Element co = SampleCertificate.create("KR-RULES-1", 1, "KR", "SG", 3, Instant.now().plusSeconds(86_400));
        var items = co.getElementsByTagNameNS("urn:coconnect:co:1", "SequenceNumber");
        items.item(items.getLength() - 1).setTextContent("7");   // the last goods item: 1, 2, 7
        Acknowledgement ack = toId.sendCertificate(header(), co);

        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertTrue(hasCode(ack, ErrorCode.DATE_IN_FUTURE), ack.problems()::toString);
        assertTrue(hasCode(ack, ErrorCode.IMPORTING_COUNTRY_MISMATCH), ack.problems()::toString);
        assertTrue(hasCode(ack, ErrorCode.GOODS_ITEM_NUMBERING), ack.problems()::toString);
    }

    @Test
    void aMessageForAnotherReceiverIsRejected() throws Exception {
        var wrongReceiver = new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.KR, Instant.now(), null, "1.0");
        Acknowledgement ack = toId.sendCertificate(wrongReceiver, certificate("KR-RECEIVER-1"));

        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertTrue(hasCode(ack, ErrorCode.RECEIVER_NOT_US), ack.problems()::toString);
    }

    @Test
    void aCancellationNotificationOfAnUnusedCoCancelsItAndQueuesTheAcceptance() throws Exception {
        toId.sendCertificate(header(), certificate("KR-AMEND-1"));
        var notice = new CancellationNotification(new CertificateReference("KR", "KR-AMEND-1", 1),
                "Exporter asked to correct the invoice number", Instant.now());
        Acknowledgement ack = toId.sendCancellationNotification(header(), notice);

        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), ack.problems()::toString);
        CertificateEntity co = certificateRow("KR-AMEND-1");
        assertEquals(CertificateState.CANCELLED, co.state());
        assertEquals("Exporter asked to correct the invoice number", co.cancellationReason());
    }

    @Test
    void aRetryOfACancellationNotificationIsAnsweredWithItsOriginalReceiptThoughItsCoIsCancelledNow() throws Exception {
        toId.sendCertificate(header(), certificate("KR-AMEND-2"));
        var notice = new CancellationNotification(new CertificateReference("KR", "KR-AMEND-2", 1), "wrong consignee",
                Instant.now());
        var header = header();
        Acknowledgement first = toId.sendCancellationNotification(header, notice);
        // The retry breaks the lifecycle against its own first copy (the CO is cancelled by then).
        Acknowledgement retry = toId.sendCancellationNotification(header, notice);

        assertEquals(AcknowledgementStatus.ACCEPTED, first.status(), first.problems()::toString);
        assertEquals(AcknowledgementStatus.DUPLICATE, retry.status(), retry.problems()::toString);
        assertTrue(hasCode(retry, ErrorCode.DUPLICATE_MESSAGE), retry.problems()::toString);
        assertFalse(hasCode(retry, ErrorCode.INVALID_TRANSITION), retry.problems()::toString);
        assertEquals(first.receivedAt(), retry.receivedAt());
        assertEquals(1, StoredRows.messagesWithId(id, header.messageId().toString()));
        assertEquals(CertificateState.CANCELLED, certificateRow("KR-AMEND-2").state());
    }

    @Test
    void aCancellationNotificationForAnUnknownCoIsRejected() throws Exception {
        var notice = new CancellationNotification(new CertificateReference("KR", "KR-NEVER-SENT", 1), "typo", Instant.now());
        Acknowledgement ack = toId.sendCancellationNotification(header(), notice);

        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertTrue(hasCode(ack, ErrorCode.UNKNOWN_CERTIFICATE), ack.problems()::toString);
    }

    private static CertificateEntity certificateRow(String number) {
        return StoredRows.certificates(id).stream().filter(c -> c.number().equals(number)).findFirst().orElseThrow();
    }

    private static boolean hasCode(Acknowledgement ack, ErrorCode code) {
        return ack.problems().stream().anyMatch(p -> p.code() == code);
    }

    private static void setFirst(Element co, String localName, String value) {
        co.getElementsByTagNameNS("urn:coconnect:co:1", localName).item(0).setTextContent(value);
    }

    private static byte[] sha256OfCanonical(Element payload) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(payload, out);
        return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
    }
}
