package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.Official;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Confidential content is erased after its period; metadata, digests and undelivered messages stay. */
class RetentionIT {

    @TempDir
    Path dir;

    @Test
    void payloadsThenEnvelopesAreErasedButMetadataDigestsAndPendingMessagesStay() throws Exception {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var idClock = new MutableClock(start);
        var krClock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), krClock); Gateway id = Gateway.start(configs.get(1), idClock)) {
            var client = kr.client(TestGateways.ID_ID);
            client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                    SampleCertificate.create("KR-RET-1", 1, "KR", "ID", 1, start.minusSeconds(60)));
            id.close();                                              // so KR's next CO stays pending
            var read = CertificateReader.read(OutboundPayloadWriter.text(
                    SampleCertificate.create("KR-RET-2", 1, "KR", "ID", 1, start.minusSeconds(60))));
            kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
            kr.deliverDue();

            try (Gateway idAgain = Gateway.start(configs.get(1), idClock)) {
                // Decided: nothing is still to happen to the CO, so its content may go.
                idAgain.useCases().claimPreference().claim("KR", "KR-RET-1", "ID-DECL-RET-1");
                idAgain.useCases().decideTreatment().decide(new CertificateReference("KR", "KR-RET-1", 1),
                        OriginTreatmentFeedback.Decision.GRANTED, null);
                idClock.advance(Duration.ofDays(181));
                var first = idAgain.useCases().retention().run();
                assertEquals(1, first.payloads());
                assertEquals(0, first.envelopes());
                MessageEntity m = StoredRows.messages(idAgain).get(0);
                assertNull(m.payload(), "the decrypted payload is erased");
                assertNotNull(m.rawEnvelope(), "the signed envelope is still kept as evidence");
                assertEquals(64, m.payloadDigest().length(), "the digest stays");
                assertEquals(AcknowledgementStatus.ACCEPTED, m.ackStatus(), "so does the metadata");

                idClock.advance(Duration.ofDays(3650));
                assertEquals(1, idAgain.useCases().retention().run().envelopes());
                assertNull(StoredRows.messages(idAgain).get(0).rawEnvelope());
            }
            krClock.advance(Duration.ofDays(400));
            kr.useCases().retention().run();
            OutboxEntity pending = kr.outbox().undelivered().get(0);
            assertEquals(OutboxEntity.Status.PENDING, pending.status());
            assertEquals(true, pending.payload().contains("KR-RET-2"), "a message still due keeps its content");
        }
    }

    /** The send-co as the importing side received it. */
    private static MessageEntity receivedCo(Gateway id) {
        return StoredRows.messages(id).stream().filter(m -> m.operation().equals("send-co")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReceivedCoKeepsItsContentWhileReceivedClaimedOrUnderAnOpenInquiryAndLosesItOnceSettled(TestDatabase database) {
        var configs = TestGateways.configs(dir.resolve(database.name()), database);
        var clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        var official = new Official("Siti Rahma", null);
        try (Gateway kr = Gateway.start(configs.get(0), clock); Gateway id = Gateway.start(configs.get(1), clock)) {
            var read = CertificateReader.read(OutboundPayloadWriter.text(
                    SampleCertificate.create("KR-RET-OPEN", 1, "KR", "ID", 1, clock.instant().minusSeconds(60))));
            CertificateReference ref = kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).certificate();
            kr.deliverDue();

            clock.advance(Duration.ofDays(181));
            id.useCases().retention().run();
            assertNotNull(receivedCo(id).payload(), "a RECEIVED CO may still be claimed: its content stays");

            id.useCases().claimPreference().claim("KR", "KR-RET-OPEN", "ID-DECL-RET");
            id.useCases().retention().run();
            assertNotNull(receivedCo(id).payload(), "a CLAIMED CO waits for its decision: its content stays");

            id.useCases().decideTreatment().decide(ref, OriginTreatmentFeedback.Decision.GRANTED, null);
            id.deliverDue();
            var asked = id.useCases().verificationInquiries().ask(ref, "Which origin criterion applies to item 1?", official);
            id.deliverDue();
            id.useCases().retention().run();
            assertNotNull(receivedCo(id).payload(), "an open inquiry is about this content: it stays");

            kr.useCases().verificationInquiries().answer(asked.inquiryId(), "Wholly obtained.", official);
            kr.deliverDue();
            assertEquals(1, id.useCases().retention().run().payloads());
            assertNull(receivedCo(id).payload(), "decided and answered: nothing needs the content any more");
        }
    }

    @Test
    void evidenceEnvelopesFollowTheEnvelopePeriodButStayWhileTheirCoIsOpen() throws Exception {
        var configs = TestGateways.configs(dir.resolve("evidence"));
        var clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        try (Gateway kr = Gateway.start(configs.get(0), clock); Gateway id = Gateway.start(configs.get(1), clock)) {
            String settled = issue(kr, "KR-RET-EV-1");
            String open = issue(kr, "KR-RET-EV-2");
            kr.useCases().requestCancellation().request(new CertificateReference("KR", "KR-RET-EV-2", 1), "Amended");
            var toId = kr.client(TestGateways.ID_ID);
            var header = toId.newHeader(UUID.randomUUID(), null);
            var delete = SampleCertificate.create("KR-RET-EV-DEL", 1, "KR", "ID", 1, clock.instant().minusSeconds(60));
            delete.getElementsByTagNameNS(org.coconnect.ws.Contract.CO_NAMESPACE, "OperationMode").item(0)
                    .setTextContent("DELETE");
            assertEquals(AcknowledgementStatus.REJECTED, toId.send(org.coconnect.domain.Operation.SEND_CO,
                    org.coconnect.ws.RequestBuilder.sendCo(header, delete), header.messageId()).status());
            assertNotNull(rejectionEnvelope(id, header.messageId().toString()), "a rejection keeps its envelope");

            clock.advance(Duration.ofDays(3651));
            kr.useCases().retention().run();
            id.useCases().retention().run();
            assertNull(attemptEnvelope(kr, settled), "a settled CO's attempt envelopes go with the envelope period");
            assertNotNull(attemptEnvelope(kr, open), "a CO whose cancellation is still asked is open: its evidence stays");
            assertNull(rejectionEnvelope(id, header.messageId().toString()), "a rejection's envelope goes too");
            assertEquals(64, kr.database().inTransaction(em -> org.coconnect.persistence.EvidenceStore
                    .outbound(em, settled).get(0).payloadDigest()).length(), "the digest stays");
        }
    }

    private static String issue(Gateway kr, String number) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(60))));
        String messageId = kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).messageId().toString();
        kr.deliverDue();
        return messageId;
    }

    private static byte[] attemptEnvelope(Gateway gateway, String messageId) {
        return gateway.database().inTransaction(em -> {
            var row = org.coconnect.persistence.EvidenceStore.outbound(em, messageId).get(0);
            assertEquals("ACKNOWLEDGED", row.outcome().name());
            return row.sentEnvelope();
        });
    }

    private static byte[] rejectionEnvelope(Gateway gateway, String messageId) {
        return gateway.database().inTransaction(em ->
                org.coconnect.persistence.EvidenceStore.rejections(em, messageId).get(0).rawEnvelope());
    }
}
