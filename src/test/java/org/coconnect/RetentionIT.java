package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                idClock.advance(Duration.ofDays(181));
                var first = idAgain.useCases().retention().run();
                assertEquals(1, first.payloads());
                assertEquals(0, first.envelopes());
                MessageEntity m = StoredRows.messages(idAgain).get(0);
                assertNull(m.payload(), "the decrypted payload is erased");
                assertNotNull(m.rawEnvelope(), "the signed envelope is still kept as evidence");
                assertEquals(64, m.payloadDigest().length(), "the digest stays");
                assertEquals("ACCEPTED", m.ackStatus(), "so does the metadata");

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
}
