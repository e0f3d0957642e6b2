package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.util.List;
import java.util.Map;
import org.coconnect.config.AlertMailConfig;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerMail;
import org.coconnect.error.ErrorCode;
import org.coconnect.mail.Smime;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.Eventually;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the e-mail channel, one per test, each a mail put into the ID gateway's mailbox through a real
 * mail server: refused unprocessed, moved to the refused folder, one alert with its code, nothing stored.
 */
class MailAttackIT {

    @TempDir
    static Path dir;
    static TestMailServer mail;
    static GatewayConfig kr;
    static Gateway id;

    @BeforeAll
    static void start() {
        mail = TestMailServer.start();
        var configs = mail.gatewayConfigs(dir);
        kr = configs.get(0);
        // ID's operators get alert mails: a refused mail reaches a person, not only a table.
        var idConfig = configs.get(1);       // agreed with KR on AES-256-GCM: a CBC mail from KR is a downgrade
        id = TestGateways.start(idConfig.withMail(idConfig.mail().withAlerts(new AlertMailConfig(
                List.of(TestMailServer.OPERATORS), Map.of(), AlertMailConfig.DEFAULT_WINDOW))));
    }

    @AfterAll
    static void stop() {
        if (id != null) id.close();
        if (mail != null) mail.close();
    }

    /** Sends the mail to ID and waits until ID has moved it out of its inbox. */
    private static void sendAndAwaitRefusal(MimeMessage attack) {
        int refusedBefore = mail.count("id", "CoConnect-Refused");
        mail.send(attack);
        Eventually.until("ID moves the mail to its refused folder", () -> mail.count("id", "CoConnect-Refused") == refusedBefore + 1
                && mail.count("id", "INBOX") == 0);
    }

    @Test
    void aTamperedMailIsRefused() throws Exception {
        UUID messageId = UUID.randomUUID();
        MimeMessage genuine = mail.mailFromKr(kr, "send-co", messageId, TestMailServer.sendCoFromKr("KR-TAMPER-1", messageId));
        var out = new java.io.ByteArrayOutputStream();
        genuine.writeTo(out);
        byte[] raw = out.toByteArray();
        String text = new String(raw, StandardCharsets.US_ASCII);
        int body = text.indexOf("\r\n\r\n") + 4;
        int at = body + (raw.length - body) / 2;
        while (!Character.isLetter(raw[at])) {
            at++;
        }
        raw[at] = (byte) (raw[at] == 'A' ? 'B' : 'A');    // one bit of the ciphertext changed on the way
        var snapshot = GatewaySnapshot.of(id);

        sendAndAwaitRefusal(mail.parse(raw));

        snapshot.assertAlerted(ErrorCode.MAIL_NOT_VERIFIED);
        snapshot.assertNothingStored();
        Eventually.until("the operators get an alert mail", () -> mail.subjects("ops").stream()
                .anyMatch(subject -> subject.contains(ErrorCode.MAIL_NOT_VERIFIED.code())));
    }

    @Test
    void aMailFromAnUnknownSenderIsRefused() throws Exception {
        UUID messageId = UUID.randomUUID();
        KeyPair keys = rsaKeys();
        X509Certificate stranger = selfSigned(keys, "CN=Not a partner, O=Mallory");
        var content = new MimeBodyPart();
        content.setText(TestMailServer.sendCoFromKr("KR-STRANGER-1", messageId), "UTF-8", "xml");
        X509Certificate idEncryption = GatewayKeys.load(id.config().keystores()).encryptionCertificate();
        MimeBodyPart encrypted = Smime.signAndEncrypt(content, keys.getPrivate(), stranger, idEncryption,
                PartnerMail.Cipher.AES256_GCM);
        var attack = new MimeMessage(mail.smtpSession());
        attack.setFrom(new InternetAddress(TestMailServer.KR_ADDRESS));      // claims to be KR
        attack.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.ID_ADDRESS));
        attack.setSubject("CoConnect send-co " + messageId);
        attack.setContent(encrypted.getContent(), encrypted.getContentType());
        attack.saveChanges();
        var snapshot = GatewaySnapshot.of(id);

        sendAndAwaitRefusal(attack);

        snapshot.assertAlerted(ErrorCode.MAIL_SENDER_UNKNOWN);
        snapshot.assertNothingStored();
    }

    @Test
    void aMailSignedByThePartnerButSentFromAnotherAddressIsRefused() throws Exception {
        UUID messageId = UUID.randomUUID();
        MimeMessage relayed = mail.mailFromKr(kr, "send-co", messageId, TestMailServer.sendCoFromKr("KR-FROM-1", messageId));
        relayed.setFrom(new InternetAddress("someone@elsewhere.test"));
        relayed.saveChanges();
        var snapshot = GatewaySnapshot.of(id);

        sendAndAwaitRefusal(relayed);

        snapshot.assertAlerted(ErrorCode.MAIL_SENDER_UNKNOWN);
        snapshot.assertNothingStored();
    }

    @Test
    void aCbcMailFromAPartnerAgreedOnGcmIsRefusedAsADowngrade() {
        UUID messageId = UUID.randomUUID();
        var krAsCbc = kr.withPartners(kr.partners().stream()
                .map(p -> p.withMail(new PartnerMail(TestMailServer.ID_ADDRESS, PartnerMail.Cipher.AES256_CBC))).toList());
        MimeMessage downgraded = mail.mailFromKr(krAsCbc, "send-co", messageId,
                TestMailServer.sendCoFromKr("KR-CBC-1", messageId));
        var snapshot = GatewaySnapshot.of(id);

        sendAndAwaitRefusal(downgraded);

        snapshot.assertAlerted(ErrorCode.MAIL_NOT_VERIFIED);
        snapshot.assertNothingStored();
    }

    @Test
    void aPlainUnencryptedMailIsRefused() throws Exception {
        UUID messageId = UUID.randomUUID();
        var plain = new MimeMessage(mail.smtpSession());
        plain.setFrom(new InternetAddress(TestMailServer.KR_ADDRESS));
        plain.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.ID_ADDRESS));
        plain.setSubject("CoConnect send-co " + messageId);
        plain.setText(TestMailServer.sendCoFromKr("KR-PLAIN-1", messageId), "UTF-8", "xml");
        var snapshot = GatewaySnapshot.of(id);

        sendAndAwaitRefusal(plain);

        snapshot.assertAlerted(ErrorCode.MAIL_NOT_VERIFIED);
        snapshot.assertNothingStored();
        assertEquals(0, mail.count("kr", "INBOX"), "a refused mail is not answered");
    }

    private static KeyPair rsaKeys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        var name = new X500Name(subject);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
