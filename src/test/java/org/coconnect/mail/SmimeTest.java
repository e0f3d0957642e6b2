package org.coconnect.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.MailServer;
import org.coconnect.config.PartnerMail;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KR's S/MIME mail to ID, with the demo keys: the agreed algorithms, the message ID, and what ID can open. */
class SmimeTest {

    @TempDir
    static Path dir;
    static GatewayKeys krKeys;
    static GatewayKeys idKeys;
    static Partner idAsKrSeesIt;
    static final String PAYLOAD = "<m:send-co xmlns:m=\"urn:coconnect:messages:1\"><m:MessageHeader/></m:send-co>";

    @BeforeAll
    static void keys() {
        var configs = TestGateways.configs(dir);
        GatewayConfig kr = configs.get(0);
        krKeys = GatewayKeys.load(kr.keystores());
        idKeys = GatewayKeys.load(configs.get(1).keystores());
        idAsKrSeesIt = new PartnerDirectory(kr.partners(), krKeys.partners()).byId(TestGateways.ID_ID).orElseThrow();
    }

    private static MimeMessage mail(PartnerMail.Cipher cipher, UUID messageId) throws Exception {
        var partner = new Partner(idAsKrSeesIt.config().withMail(new PartnerMail("coconnect@id.test", cipher)),
                idAsKrSeesIt.signingCertificates(), idAsKrSeesIt.encryptionCertificates(), idAsKrSeesIt.tlsCertificates());
        var sessions = new MailSessions(new MailServer("127.0.0.1", 25, MailServer.Security.NONE, null, null), null);
        return new PartnerMailer(sessions, "coconnect@kr.test", krKeys).compose(partner, "send-co", messageId, PAYLOAD);
    }

    @Test
    void gcmIsAuthEnvelopedDataThatOnlyTheRecipientOpensAndTheSignerIsKr() throws Exception {
        UUID messageId = UUID.randomUUID();
        MimeMessage mail = mail(PartnerMail.Cipher.AES256_GCM, messageId);
        assertTrue(mail.getContentType().contains("authEnveloped-data"), mail.getContentType());
        assertEquals(messageId.toString(), mail.getHeader(PartnerMailer.MESSAGE_ID_HEADER)[0]);

        Smime.Opened opened = Smime.decryptAndVerify(mail, idKeys.encryptionKey(), idKeys.encryptionCertificate());
        assertEquals(krKeys.signingCertificate(), opened.signer());
        assertArrayEquals(PAYLOAD.getBytes(StandardCharsets.UTF_8), opened.content().getInputStream().readAllBytes());
        assertEquals(messageId.toString(), opened.content().getHeader(PartnerMailer.MESSAGE_ID_HEADER)[0]);
    }

    @Test
    void cbcIsEnvelopedDataForPartnersWithoutGcm() throws Exception {
        MimeMessage mail = mail(PartnerMail.Cipher.AES256_CBC, UUID.randomUUID());
        assertTrue(mail.getContentType().contains("enveloped-data") && !mail.getContentType().contains("authEnveloped"),
                mail.getContentType());
        assertEquals(krKeys.signingCertificate(),
                Smime.decryptAndVerify(mail, idKeys.encryptionKey(), idKeys.encryptionCertificate()).signer());
    }

    @Test
    void aMailForAnotherRecipientCannotBeOpened() throws Exception {
        MimeMessage mail = mail(PartnerMail.Cipher.AES256_GCM, UUID.randomUUID());
        var refused = assertThrows(Smime.Refused.class,
                () -> Smime.decryptAndVerify(mail, krKeys.encryptionKey(), krKeys.encryptionCertificate()));
        assertTrue(refused.getMessage().contains("not encrypted for our encryption certificate"), refused.getMessage());
    }

    @Test
    void theKeyIsTransportedWithRsaOaep() throws Exception {
        var enveloped = new org.bouncycastle.mail.smime.SMIMEAuthEnveloped(mail(PartnerMail.Cipher.AES256_GCM, UUID.randomUUID()));
        var recipient = enveloped.getRecipientInfos().getRecipients().iterator().next();
        assertEquals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSAES_OAEP.getId(), recipient.getKeyEncryptionAlgOID());
    }

    @Test
    void aMailWithRsa15KeyTransportIsRefused() throws Exception {
        var content = new jakarta.mail.internet.MimeBodyPart();
        content.setText(PAYLOAD, "UTF-8", "xml");
        var generator = new org.bouncycastle.mail.smime.SMIMEAuthEnvelopedGenerator();
        generator.addRecipientInfoGenerator(new org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator(
                idKeys.encryptionCertificate()));
        var encrypted = generator.generate(content, new org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder(
                org.bouncycastle.cms.CMSAlgorithm.AES256_GCM).build());
        var mail = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
        mail.setContent(encrypted.getContent(), encrypted.getContentType());
        mail.saveChanges();
        var refused = assertThrows(Smime.Refused.class,
                () -> Smime.decryptAndVerify(mail, idKeys.encryptionKey(), idKeys.encryptionCertificate()));
        assertTrue(refused.getMessage().contains("not RSA-OAEP"), refused.getMessage());
    }
}
