package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.coconnect.client.DeliveryException;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.ApprovedExporter;
import org.coconnect.domain.ApprovedExporterList;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.exchange.QueryDeclarations;
import org.coconnect.exchange.RejectionException;
import org.coconnect.persistence.DeclarationEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.DeclarationReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annex IV between two running gateways over HTTPS with mutual TLS and WS-Security: KR keeps the
 * approved-exporter register and pushes its list and DOs; ID checks each DO against the list at the
 * DO's date and answers lookups by DO number.
 */
class DeclarationsIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void anAuthorisedExportersDoIsAcceptedAfterTheListAndFoundByItsNumberWithItsCheck() {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            authorise(kr, "KR-AE-0001", "AUTH-1", TODAY.minusDays(30));
            assertEquals(1, kr.deliverDue(), "the authorisation queued the list to ID");

            var issued = issue(kr, "DO-OK-1", "KR-AE-0001", "AUTH-1", TODAY.minusDays(1));
            assertEquals(TestGateways.ID_ID, issued.partnerId());
            assertEquals(1, kr.deliverDue());

            assertEquals(List.of(OutboxEntity.Status.DELIVERED, OutboxEntity.Status.DELIVERED), outboxStatuses(kr));
            List<QueryDeclarations.DeclarationView> found = id.useCases().queryDeclarations().find("DO-OK-1");
            assertEquals(1, found.size());
            var view = found.get(0);
            assertEquals("IMPORT", view.side());
            assertEquals(TestGateways.KR_ID, view.partnerId());
            assertEquals("APPROVED", view.checkResult());
            assertEquals("KR-AE-0001", view.declaration().exporterId());
            assertEquals(TODAY.minusDays(1), view.declaration().declarationDate());
            assertEquals("390761", view.declaration().goodsItems().get(0).hsCode());
            assertEquals(0, new java.math.BigDecimal("20000").compareTo(view.declaration().goodsItems().get(0).quantity()));
        }
    }

    @Test
    void aDoFromAnExporterNeverOnTheListIsRejectedWithCc5101AndNotStored() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            authorise(kr, "KR-AE-0001", "AUTH-1", TODAY.minusDays(30));
            kr.deliverDue();

            Acknowledgement ack = push(kr, SampleDeclaration.create("DO-NEVER-1", "KR-AE-0666", "AUTH-666", TODAY));

            assertRejectedWith(ack, "CC-5101");
            assertNothingStoredBut(id, "CC-5101");
        }
    }

    @Test
    void aDoDatedOnOrAfterTheRevocationIsRejectedWhileOneDatedBeforeItStaysValid() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            authorise(kr, "KR-AE-0007", "AUTH-7", TODAY.minusDays(30));
            kr.useCases().exporterRegistry().revoke("KR-AE-0007", TODAY.minusDays(5), "Failed an origin verification.");
            assertEquals(2, kr.deliverDue(), "authorisation and revocation each pushed the list");

            Acknowledgement after = push(kr, SampleDeclaration.create("DO-REV-1", "KR-AE-0007", "AUTH-7", TODAY.minusDays(5)));
            assertRejectedWith(after, "CC-5101");
            assertNothingStoredBut(id, "CC-5101");

            Acknowledgement before = push(kr, SampleDeclaration.create("DO-REV-2", "KR-AE-0007", "AUTH-7", TODAY.minusDays(6)));
            assertEquals(AcknowledgementStatus.ACCEPTED, before.status(), before.problems()::toString);
            assertEquals("APPROVED", id.useCases().queryDeclarations().find("DO-REV-2").get(0).checkResult());
        }
    }

    @Test
    void aDoDatedBeforeTheAuthorisationIsRejectedWithCc5101() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            authorise(kr, "KR-AE-0002", "AUTH-2", TODAY.minusDays(3));
            kr.deliverDue();

            assertRejectedWith(push(kr, SampleDeclaration.create("DO-EARLY-1", "KR-AE-0002", "AUTH-2", TODAY.minusDays(4))),
                    "CC-5101");
            assertNothingStoredBut(id, "CC-5101");
        }
    }

    @Test
    void aDoWithAnotherAuthorisationCodeIsRejectedWithCc5102AndNotStored() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            authorise(kr, "KR-AE-0001", "AUTH-1", TODAY.minusDays(30));
            kr.deliverDue();

            Acknowledgement ack = push(kr, SampleDeclaration.create("DO-CODE-1", "KR-AE-0001", "AUTH-FORGED", TODAY));

            assertRejectedWith(ack, "CC-5102");
            assertNothingStoredBut(id, "CC-5102");
        }
    }

    @Test
    void aDoMessageSentTwiceIsStoredOnceAndTheSameDoUnderANewMessageIdIsABusinessDuplicate() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            authorise(kr, "KR-AE-0001", "AUTH-1", TODAY.minusDays(30));
            kr.deliverDue();
            String xml = SampleDeclaration.create("DO-DUP-1", "KR-AE-0001", "AUTH-1", TODAY);
            MessageHeader header = header();

            assertEquals(AcknowledgementStatus.ACCEPTED, send(kr, header, xml).status());
            Acknowledgement again = send(kr, header, xml);
            Acknowledgement renumbered = send(kr, header(), xml);

            assertEquals(AcknowledgementStatus.DUPLICATE, again.status());
            assertTrue(again.problems().stream().anyMatch(p -> p.code().code().equals("CC-4001")), again.problems()::toString);
            assertEquals(AcknowledgementStatus.DUPLICATE, renumbered.status());
            assertTrue(renumbered.problems().stream().anyMatch(p -> p.code().code().equals("CC-4003")),
                    renumbered.problems()::toString);
            assertEquals(1, declarations(id).size());
            assertEquals(1, StoredRows.messagesWithId(id, header.messageId().toString()));
        }
    }

    @Test
    void aDoQueuedWhileThePartnerIsDownIsDeliveredOnceAtTheNextRetryMark() {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {
            try (Gateway id = TestGateways.start(configs.get(1))) {
                authorise(kr, "KR-AE-0001", "AUTH-1", TODAY.minusDays(30));
                assertEquals(1, kr.deliverDue());
            }
            issue(kr, "DO-RETRY-1", "KR-AE-0001", "AUTH-1", TODAY.minusDays(1));
            assertEquals(1, kr.deliverDue(), "the first attempt fails: ID is down");
            assertEquals(OutboxEntity.Status.PENDING, outboxStatuses(kr).get(1));
            try (Gateway id = TestGateways.start(configs.get(1))) {
                clock.advance(Duration.ofMinutes(9));
                assertEquals(0, kr.deliverDue(), "not before the 10-minute mark");
                clock.advance(Duration.ofMinutes(1));
                assertEquals(1, kr.deliverDue());
                clock.advance(Duration.ofHours(20));
                assertEquals(0, kr.deliverDue(), "nothing is sent again once delivered");
                assertEquals(1, declarations(id).size());
                assertEquals("APPROVED", id.useCases().queryDeclarations().find("DO-RETRY-1").get(0).checkResult());
            }
            assertEquals(OutboxEntity.Status.DELIVERED, outboxStatuses(kr).get(1));
        }
    }

    @Test
    void twoFirstListsArrivingAtOnceAreBothAnsweredAndTheNewerOneIsHeld() throws Exception {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            Instant older = Instant.now().minusSeconds(60);
            var authorised = ApprovedExporter.applied("KR-AE-0009", "Racing Co.").authorise("AUTH-9", TODAY.minusDays(30));
            var lists = List.of(new ApprovedExporterList("KR", older, List.of(authorised)),
                    new ApprovedExporterList("KR", older.plusSeconds(1),
                            List.of(authorised.revoke(TODAY.minusDays(5), "Failed a verification."))));
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<Acknowledgement>>();
                for (ApprovedExporterList list : lists) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        MessageHeader header = header();
                        return kr.client(TestGateways.ID_ID).send(Operation.SEND_APPROVED_EXPORTERS,
                                RequestBuilder.request(Operation.SEND_APPROVED_EXPORTERS, header, list), header.messageId());
                    }));
                }
                start.countDown();
                for (var answer : answers) {
                    assertTrue(answer.get().status().isDelivered(), () -> "answered, not faulted");
                }
            } finally {
                pool.shutdownNow();
            }

            assertRejectedWith(push(kr, SampleDeclaration.create("DO-RACE-1", "KR-AE-0009", "AUTH-9", TODAY)), "CC-5101");
        }
    }

    @Test
    void theExportingSideRefusesToIssueADoForAnExporterThatIsNotAuthorised() {
        var configs = TestGateways.configs(dir);
        try (Gateway kr = TestGateways.start(configs.get(0))) {
            kr.useCases().exporterRegistry().register("KR-AE-0003", "Applied Only Co.");
            var refused = org.junit.jupiter.api.Assertions.assertThrows(RejectionException.class,
                    () -> issue(kr, "DO-APPLIED-1", "KR-AE-0003", "AUTH-3", TODAY));
            assertEquals("CC-5101", refused.problems().get(0).code().code());
            assertTrue(outboxStatuses(kr).isEmpty(), "nothing is queued");
            assertTrue(declarations(kr).isEmpty());
        }
    }

    private static void authorise(Gateway kr, String exporterId, String code, LocalDate from) {
        kr.useCases().exporterRegistry().register(exporterId, "Exporter " + exporterId);
        kr.useCases().exporterRegistry().authorise(exporterId, code, from);
    }

    private static org.coconnect.exchange.IssueDeclaration.Issued issue(Gateway kr, String number, String exporterId,
                                                                         String code, LocalDate date) {
        var read = DeclarationReader.read(SampleDeclaration.create(number, exporterId, code, date));
        return kr.useCases().issueDeclaration().issue(read.declaration(), read.xml());
    }

    /** Sends a DO straight from KR's client, past KR's own register, as a partner's gateway might. */
    private static Acknowledgement push(Gateway kr, String xml) throws DeliveryException {
        return send(kr, header(), xml);
    }

    private static Acknowledgement send(Gateway kr, MessageHeader header, String xml) throws DeliveryException {
        return kr.client(TestGateways.ID_ID).send(Operation.SEND_DO,
                RequestBuilder.sendDo(header, OutboundPayloadWriter.parse(xml)), header.messageId());
    }

    private static MessageHeader header() {
        return new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
    }

    private static void assertRejectedWith(Acknowledgement ack, String code) {
        assertEquals(AcknowledgementStatus.REJECTED, ack.status(), ack.problems()::toString);
        Problem first = ack.problems().get(0);
        assertEquals(code, first.code().code(), ack.problems()::toString);
        assertTrue(first.location().startsWith("/m:send-do/do:DeclarationOfOrigin/do:Exporter"), first.location());
    }

    /** Only the rejection record of the refused DO: no DO, no stored message. */
    private static void assertNothingStoredBut(Gateway id, String code) {
        assertTrue(declarations(id).isEmpty(), "no DO is stored");
        assertTrue(StoredRows.messages(id).stream().noneMatch(m -> m.operation().equals("send-do")), "no send-do is stored");
        assertTrue(StoredRows.rejections(id).stream().anyMatch(r -> r.codes().equals(code)), "the rejection is recorded");
    }

    private static List<DeclarationEntity> declarations(Gateway gateway) {
        return gateway.database().inTransaction(em ->
                em.createQuery("select d from DeclarationEntity d", DeclarationEntity.class).getResultList());
    }

    private static List<OutboxEntity.Status> outboxStatuses(Gateway gateway) {
        return gateway.database().inTransaction(em -> em.createQuery("select o from OutboxEntity o order by o.id",
                OutboxEntity.class).getResultList()).stream().map(OutboxEntity::status).toList();
    }
}
