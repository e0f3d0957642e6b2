package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.OriginTreatmentFeedback;
import org.coconnect.mail.MailSessions;
import org.coconnect.mail.PartnerMailer;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.Eventually;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TestMailServer;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail channel between two gateways through a real mail server (GreenMail, SMTP and IMAP on loopback):
 * KR and ID are each other's partner with partner.transport=smtp; every message and every acknowledgement is
 * an S/MIME mail, signed and encrypted, and goes through the same outbox and receive path as over HTTPS.
 */
class MailChannelIT {

    @TempDir
    static Path dir;
    static TestMailServer mail;
    static Gateway kr;
    static Gateway id;

    @BeforeAll
    static void start() {
        mail = TestMailServer.start();
        var configs = mail.gatewayConfigs(dir);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
        if (mail != null) mail.close();
    }

    static CertificateReference issue(String number) {
        String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, 1, "KR", "ID", 2, Instant.now().minusSeconds(30)));
        var read = CertificateReader.read(xml);
        var issued = kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        kr.deliverDue();
        return issued.certificate();
    }

    static CertificateEntity row(Gateway g, String side, String number) {
        return StoredRows.certificates(g).stream().filter(c -> c.side().name().equals(side) && c.number().equals(number))
                .findFirst().orElse(null);
    }

    static void awaitState(Gateway g, String side, String number, CertificateState state) {
        Eventually.until(side + " " + number + " " + state, () -> {
            var row = row(g, side, number);
            return row != null && row.state() == state;
        });
    }

    static MessageEntity inbound(Gateway g, String messageId) {
        return StoredRows.messages(g).stream().filter(m -> m.direction() == MessageEntity.Direction.INBOUND
                && m.messageId().equals(messageId)).findFirst().orElseThrow();
    }

    static String sendCoMessageId(String number) {
        CertificateEntity exported = row(kr, "EXPORT", number);
        return StoredRows.messages(kr).stream().filter(m -> "send-co".equals(m.operation())
                && exported.id().equals(m.certificateId())).findFirst().map(MessageEntity::messageId).orElseThrow();
    }

    @Test
    void aCoGoesByMailIsStoredWithTheSignedMailAsEvidenceAndTheAcknowledgementMailSettlesDelivery() throws Exception {
        issue("KR-MAIL-1");
        awaitState(id, "IMPORT", "KR-MAIL-1", CertificateState.RECEIVED);
        awaitState(kr, "EXPORT", "KR-MAIL-1", CertificateState.ACKNOWLEDGED);

        String messageId = sendCoMessageId("KR-MAIL-1");
        assertEquals(OutboxEntity.Status.DELIVERED, kr.outbox().byMessageId(messageId).orElseThrow().status());
        String evidence = new String(inbound(id, messageId).rawEnvelope(), StandardCharsets.UTF_8);
        assertTrue(evidence.contains("multipart/signed"), "the signed mail is kept as evidence");
        assertTrue(evidence.contains(PartnerMailer.MESSAGE_ID_HEADER + ": " + messageId), "message ID in a signed header");
        assertEvidenceVerifiesWithOpensslAlone(inbound(id, messageId).rawEnvelope());
        Eventually.until("both mailboxes empty", () -> mail.count("id", "INBOX") == 0 && mail.count("kr", "INBOX") == 0);
    }

    @Test
    void aDuplicateMailIsAnsweredFromTheStoreAndNotStoredAgain() throws Exception {
        issue("KR-MAIL-DUP");
        awaitState(kr, "EXPORT", "KR-MAIL-DUP", CertificateState.ACKNOWLEDGED);
        String messageId = sendCoMessageId("KR-MAIL-DUP");

        // KR's exact payload again, as a resend after a lost acknowledgement would carry it.
        var payload = kr.outbox().byMessageId(messageId).orElseThrow().payload();
        var krKeys = GatewayKeys.load(kr.config().keystores());
        var partner = new PartnerDirectory(kr.config().partners(), krKeys.partners()).byId(TestGateways.ID_ID).orElseThrow();
        new PartnerMailer(new MailSessions(kr.config().mail().smtp(), null), TestMailServer.KR_ADDRESS, krKeys)
                .send(partner, "send-co", UUID.fromString(messageId), payload);

        // ID sends its answer before it removes the mail; KR removes the answer once it has read it.
        Eventually.until("ID answers the repeat by mail", () -> mail.count("id", "INBOX") == 0 && mail.count("kr", "INBOX") == 0);
        assertEquals(1, StoredRows.messagesWithId(id, messageId));
        assertEquals(1, StoredRows.certificates(id).stream().filter(c -> c.number().equals("KR-MAIL-DUP")).count());
        assertEquals(OutboxEntity.Status.DELIVERED, kr.outbox().byMessageId(messageId).orElseThrow().status());
    }

    @Test
    void aCancellationGoesByMailAndItsStatusComesBackByMail() {
        var ref = issue("KR-MAIL-CANCEL");
        awaitState(kr, "EXPORT", "KR-MAIL-CANCEL", CertificateState.ACKNOWLEDGED);
        kr.useCases().requestCancellation().request(ref, "Invoice number corrected");
        kr.deliverDue();
        awaitState(id, "IMPORT", "KR-MAIL-CANCEL", CertificateState.CANCELLED);
        id.deliverDue();
        awaitState(kr, "EXPORT", "KR-MAIL-CANCEL", CertificateState.CANCELLED);
    }

    @Test
    void feedbackOnTheTreatmentGoesBackByMail() {
        var ref = issue("KR-MAIL-FEEDBACK");
        awaitState(kr, "EXPORT", "KR-MAIL-FEEDBACK", CertificateState.ACKNOWLEDGED);
        id.useCases().claimPreference().claim("KR", "KR-MAIL-FEEDBACK", "ID-DECL-MAIL");
        id.useCases().decideTreatment().decide(ref, OriginTreatmentFeedback.Decision.GRANTED, null);
        id.deliverDue();
        Eventually.until("KR learns the treatment", () -> "GRANTED".equals(row(kr, "EXPORT", "KR-MAIL-FEEDBACK").treatmentDecision()));
        assertEquals("ID-DECL-MAIL", row(kr, "EXPORT", "KR-MAIL-FEEDBACK").declarationNumber());
        Eventually.until("ID's feedback settled by KR's acknowledgement mail", () -> StoredRows.messages(id).stream()
                .anyMatch(m -> m.direction() == MessageEntity.Direction.OUTBOUND && "send-feedback".equals(m.operation())
                        && m.ackStatus() != null && m.ackStatus().isDelivered()));
    }

    /** A third party with the CA certificate and openssl, nothing of ours, can check who signed the stored mail. */
    private static void assertEvidenceVerifiesWithOpensslAlone(byte[] evidence) throws Exception {
        Path mailFile = dir.resolve("evidence.eml");
        Files.write(mailFile, evidence);
        var pem = new StringBuilder();
        var trust = GatewayKeys.load(id.config().keystores()).trust();
        for (String alias : java.util.Collections.list(trust.aliases())) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(trust.getCertificate(alias).getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, pem);
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-in", mailFile.toString(), "-inform", "SMIME",
                "-CAfile", caFile.toString(), "-purpose", "any", "-out", dir.resolve("content.xml").toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, openssl.waitFor(), "openssl cms -verify: " + output);
        assertTrue(Files.readString(dir.resolve("content.xml")).contains("send-co"), "the signed content is the payload");
    }
}
