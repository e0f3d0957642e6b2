package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Official;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.JsonPartner;
import org.coconnect.support.MutableClock;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.Contract;
import org.coconnect.ws.DeclarationReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.coconnect.ws.SampleDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways that agreed on the JSON API with encryption (partner.protocol=json, partner.json.encrypt=true
 * on both sides) run every push operation through their real use cases and outboxes: each message goes out
 * as a JWE around a JWS, is answered with a signed, encrypted acknowledgement, and changes the same states
 * it changes over SOAP. A repeat, a reused message ID and a payload with several schema errors between them are
 * answered DUPLICATE, REJECTED with CC-4002 at /MessageHeader/MessageId, and REJECTED with each CC-2101 at its
 * JSON Pointer.
 */
class JsonExchangeIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyOperationIsExchangedOverJsonWithTheSameEffectsAsOverSoap() throws Exception {
        var configs = JsonPartner.onJson(TestGateways.configs(dir), true);
        try (Gateway kr = TestGateways.start(configs.get(0)); Gateway id = TestGateways.start(configs.get(1))) {
            // send-co, then send-feedback
            var issued = issue(kr, "KR-JSON-1", 1);
            var ref = issued.certificate();
            assertEquals(CertificateState.ACKNOWLEDGED, row(kr, "EXPORT", "KR-JSON-1").state());
            assertEquals(CertificateState.RECEIVED, row(id, "IMPORT", "KR-JSON-1").state());
            id.useCases().claimPreference().claim("KR", "KR-JSON-1", "ID-DECL-JSON");
            id.useCases().decideTreatment().decide(ref, OriginTreatmentFeedback.Decision.GRANTED, null);
            id.deliverDue();
            assertEquals("GRANTED", row(kr, "EXPORT", "KR-JSON-1").treatmentDecision());

            // verify-co, the Annex III lookup: found with the printed code, NOT_FOUND without it
            var found = id.useCases().verifyAtPartner().verify("KR", "KR-JSON-1", issued.referenceCode());
            assertEquals(ref, found.orElseThrow().reference());
            assertTrue(id.useCases().verifyAtPartner().verify("KR", "KR-JSON-1", "ZZZZZZZZZZ").isEmpty());

            // send-amendment-notification, then send-cancellation-status
            var cancelled = issue(kr, "KR-JSON-2", 1).certificate();
            kr.useCases().requestCancellation().request(cancelled, "Invoice number corrected");
            kr.deliverDue();
            id.deliverDue();
            assertEquals(CertificateState.CANCELLED, row(kr, "EXPORT", "KR-JSON-2").state());

            // send-verification-inquiry, then send-inquiry-answer
            var asked = id.useCases().verificationInquiries().ask(ref, "Is the RVC met?",
                    new Official("Siti Rahma", "KPPBC Tanjung Priok"));
            id.deliverDue();
            kr.useCases().verificationInquiries().answer(asked.inquiryId(), "Yes, RVC 40.", new Official("Kim Min-jun", null));
            kr.deliverDue();
            assertEquals(InquiryStatus.ANSWERED, id.useCases().verificationInquiries().find(asked.inquiryId())
                    .orElseThrow().status());

            // send-approved-exporters, then send-do
            kr.useCases().exporterRegistry().register("KR-AE-0001", "Exporter KR-AE-0001");
            kr.useCases().exporterRegistry().authorise("KR-AE-0001", "AUTH-1", TODAY.minusDays(30));
            kr.deliverDue();
            var read = DeclarationReader.read(SampleDeclaration.create("DO-JSON-1", "KR-AE-0001", "AUTH-1",
                    TODAY.minusDays(1)));
            kr.useCases().issueDeclaration().issue(read.declaration(), read.xml());
            kr.deliverDue();
            assertEquals("APPROVED", id.useCases().queryDeclarations().find("DO-JSON-1").get(0).checkResult());

            duplicateConflictAndSchemaProblemsBetweenTheGateways(kr);

            for (Gateway g : new Gateway[] {kr, id}) {
                assertTrue(g.database().inTransaction(em -> em.createQuery("select o from OutboxEntity o", OutboxEntity.class)
                        .getResultList()).stream().allMatch(o -> o.status() == OutboxEntity.Status.DELIVERED),
                        g.config().selfId() + " has undelivered messages");
            }
            assertEquals(Arrays.stream(Operation.values()).map(Operation::pathName).collect(Collectors.toCollection(TreeSet::new)),
                    receivedOverJson(kr, id), "operations received as a JWS");
        }
    }

    /** KR's own JSON client, past its register: a repeat, a reused ID and a payload with several schema errors. */
    private static void duplicateConflictAndSchemaProblemsBetweenTheGateways(Gateway kr) throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        UUID messageId = UUID.randomUUID();
        var sent = SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR");
        var first = client.send(Operation.SEND_CO, sent, messageId);
        assertEquals(AcknowledgementStatus.ACCEPTED, first.status(), () -> first.problems().toString());
        var again = client.send(Operation.SEND_CO, SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR"), messageId);
        assertEquals(AcknowledgementStatus.REJECTED, again.status(), "same ID, another CO number: a conflict");
        assertEquals("/MessageHeader/MessageId", again.problems().get(0).location());
        var repeat = client.send(Operation.SEND_CO, sent, messageId);
        assertEquals(AcknowledgementStatus.DUPLICATE, repeat.status(), () -> repeat.problems().toString());

        UUID invalidId = UUID.randomUUID();
        var invalid = SendingPartner.sendCoPayload(invalidId, TestGateways.KR, "KR");
        invalid.getElementsByTagNameNS(Contract.CO_NAMESPACE, "ImportingCountryCode").item(0).setTextContent("XX");
        invalid.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Code").item(0).setTextContent("12AB");
        var rejected = client.send(Operation.SEND_CO, invalid, invalidId);
        assertEquals(AcknowledgementStatus.REJECTED, rejected.status());
        var pointers = rejected.problems().stream().filter(p -> p.code() == ErrorCode.JSON_SCHEMA_INVALID)
                .map(Problem::location).sorted().toList();
        assertEquals(List.of("/CertificateOfOrigin/Consignment/GoodsItem/0/Commodity/Classification/0/Code",
                "/CertificateOfOrigin/ImportingCountryCode"), pointers);
    }

    @Test
    void aDownJsonPartnerIsRetriedOnTheFrameworkScheduleWithTheSameMessageId() {
        var configs = JsonPartner.onJson(TestGateways.configs(dir), false);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {      // ID is not running: connection refused
            var read = CertificateReader.read(OutboundPayloadWriter.text(SampleCertificate.create("KR-JSON-DOWN", 1, "KR",
                    "ID", 1, start.minusSeconds(30))));
            kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
            assertEquals(1, kr.deliverDue());
            clock.set(start.plus(Duration.ofMinutes(9)));
            assertEquals(0, kr.deliverDue(), "not before the 10-minute mark");
            try (Gateway id = TestGateways.start(configs.get(1))) {
                clock.set(start.plus(Duration.ofMinutes(10)));
                assertEquals(1, kr.deliverDue(), "the 10-minute mark delivers");
                OutboxEntity o = kr.database().inTransaction(em -> em.createQuery("select o from OutboxEntity o",
                        OutboxEntity.class).getSingleResult());
                assertEquals(OutboxEntity.Status.DELIVERED, o.status());
                assertEquals(2, o.attempts());
                assertEquals(1, StoredRows.messagesWithId(id, o.messageId()), "ID holds it under KR's message ID");
            }
        }
    }

    /** The operations both gateways received, each stored with a compact JWS as its evidence. */
    private static Set<String> receivedOverJson(Gateway... gateways) {
        var operations = new TreeSet<String>();
        for (Gateway g : gateways) {
            for (MessageEntity m : StoredRows.messages(g)) {
                if (m.direction() == MessageEntity.Direction.INBOUND) {
                    String evidence = new String(m.rawEnvelope(), StandardCharsets.US_ASCII);
                    assertTrue(evidence.startsWith("eyJ") && evidence.split("\\.").length == 3, m.operation()
                            + " was not received as a compact JWS");
                    operations.add(m.operation());
                }
            }
        }
        return operations;
    }

    private static IssueCertificate.Issued issue(Gateway kr, String number, int version) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(SampleCertificate.create(number, version, "KR", "ID",
                2, Instant.now().minusSeconds(30))));
        var issued = kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        kr.deliverDue();
        return issued;
    }

    private static CertificateEntity row(Gateway g, String side, String number) {
        return StoredRows.certificates(g).stream().filter(c -> c.side().name().equals(side) && c.number().equals(number))
                .findFirst().orElseThrow(() -> new AssertionError("no " + side + " " + number));
    }
}
