package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.config.PartnerMail;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.Eventually;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TestMailServer;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * By mail, a delivery is done only when the partner's acknowledgement mail arrives: until then the framework's
 * retry schedule resends the same message ID, and the partner stores it once. Both sides on AES-256-CBC here.
 */
class MailRetryIT {

    @TempDir
    Path dir;

    @Test
    void withoutAnAcknowledgementTheScheduleResendsTheSameMessageIdAndTheAcknowledgementSettlesIt() {
        try (var mail = TestMailServer.start()) {
            var configs = mail.gatewayConfigs(dir, PartnerMail.Cipher.AES256_CBC);   // the other cipher end to end
            var clock = new MutableClock(Instant.now());
            try (Gateway kr = Gateway.start(configs.get(0), clock)) {
                String xml = OutboundPayloadWriter.text(SampleCertificate.create("KR-MAIL-RETRY", 1, "KR", "ID", 1,
                        Instant.now().minusSeconds(30)));
                var read = CertificateReader.read(xml);
                var issued = kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
                String messageId = issued.messageId().toString();

                kr.deliverDue();
                OutboxEntity first = kr.outbox().byMessageId(messageId).orElseThrow();
                assertEquals(OutboxEntity.Status.PENDING, first.status(), "mailed is not delivered");
                assertEquals(1, first.attempts());
                assertEquals(CertificateState.SENT, kr.useCases().queryCertificates()
                        .find(CertificateSide.EXPORT, issued.certificate()).orElseThrow().state());

                clock.advance(Duration.ofMinutes(11));           // past the framework's 10-minute mark, no answer yet
                kr.deliverDue();
                assertEquals(2, kr.outbox().byMessageId(messageId).orElseThrow().attempts());
                assertEquals(2, mail.count("id", "INBOX"), "the same message mailed twice");
                assertTrue(mail.subjects("id").stream().allMatch(s -> s.endsWith(messageId)), mail.subjects("id").toString());

                try (Gateway id = TestGateways.start(configs.get(1))) {
                    Eventually.until("KR's message settled by ID's acknowledgement mail", () -> kr.outbox()
                            .byMessageId(messageId).orElseThrow().status() == OutboxEntity.Status.DELIVERED);
                    assertEquals(CertificateState.ACKNOWLEDGED, kr.useCases().queryCertificates()
                            .find(CertificateSide.EXPORT, issued.certificate()).orElseThrow().state());
                    Eventually.until("ID read both mails", () -> mail.count("id", "INBOX") == 0);
                    assertEquals(1, StoredRows.messagesWithId(id, messageId), "stored once");
                }
            }
        }
    }
}
