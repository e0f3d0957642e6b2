package org.coconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail.*, alerts.mail.* and partner.transport keys: read, defaulted, and refused with file and key named. */
class MailConfigTest {

    @TempDir
    Path dir;

    private static final String GATEWAY = """
            gateway.country=KR
            gateway.authority=KCS
            keystores.own=keystores/kr/own.p12
            keystores.partners=keystores/kr/partners.p12
            keystores.trust=keystores/kr/trust.p12
            keystores.password.file=keystores/kr/password
            local.port=0
            """;
    private static final String MAIL = """
            mail.smtp.host=smtp.customs.example
            mail.smtp.user=coconnect
            mail.smtp.password.file=secrets/smtp-password
            mail.from=coconnect@customs.example
            mail.imap.host=imap.customs.example
            mail.imap.user=coconnect
            mail.imap.password.file=secrets/imap-password
            alerts.mail.to=ops@customs.example, duty@customs.example
            alerts.mail.kind.CC-6004=off
            alerts.mail.kind.CC-6002=partners-desk@customs.example
            alerts.mail.window=PT30M
            """;
    private static final String SMTP_PARTNER = """
            partner.country=CN
            partner.authority=GACC
            partner.transport=smtp
            partner.mail.address=ecert@gacc.example
            partner.allowed-ips=127.0.0.1/32
            """;

    private GatewayConfig load(String gateway, String partner) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("partners"));
        Files.writeString(conf.resolve("gateway.properties"), gateway);
        if (partner != null) {
            Files.writeString(conf.resolve("partners/CN-GACC.properties"), partner);
        }
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/smtp-password"), "smtp-secret\n");
        Files.writeString(dir.resolve("secrets/imap-password"), "imap-secret\n");
        return new ConfigLoader(dir, Map.of("COCONNECT_KEYSTORE_PASSWORD", "secret")).load(conf);
    }

    @Test
    void withoutMailKeysThereIsNoMail() throws IOException {
        MailConfig mail = load(GATEWAY, null).mail();
        assertNull(mail.smtp());
        assertNull(mail.imap());
        assertEquals(List.of(), mail.alerts().recipients());
    }

    @Test
    void mailServersPartnerAndAlertKindsAreRead() throws IOException {
        GatewayConfig config = load(GATEWAY + MAIL, SMTP_PARTNER);
        MailConfig mail = config.mail();
        assertEquals(587, mail.smtp().port());
        assertEquals(MailServer.Security.STARTTLS, mail.smtp().security());
        assertEquals("smtp-secret", new String(mail.smtp().password()));
        assertEquals(993, mail.imap().port());
        assertEquals(MailServer.Security.TLS, mail.imap().security());
        assertEquals("INBOX", mail.inboxFolder());
        assertEquals(List.of("ops@customs.example", "duty@customs.example"), mail.alerts().recipientsOf("CC-6001"));
        assertEquals(List.of(), mail.alerts().recipientsOf("CC-6004"));
        assertEquals(List.of("partners-desk@customs.example"), mail.alerts().recipientsOf("CC-6002"));
        assertEquals(Duration.ofMinutes(30), mail.alerts().window());
        PartnerMail partner = config.partners().get(0).mail();
        assertEquals("ecert@gacc.example", partner.address());
        assertEquals(PartnerMail.Cipher.AES256_GCM, partner.cipher());
    }

    @Test
    void aPartnerOnTheEmailChannelNeedsTheMailServers() {
        var e = assertThrows(ConfigException.class, () -> load(GATEWAY, SMTP_PARTNER));
        assertTrue(e.getMessage().contains("mail.smtp.host"), e.getMessage());
    }

    @Test
    void anUnknownTransportOrCipherIsRefusedWithItsKey() {
        var transport = assertThrows(ConfigException.class,
                () -> load(GATEWAY + MAIL, SMTP_PARTNER.replace("transport=smtp", "transport=ftp")));
        assertTrue(transport.getMessage().contains("partner.transport"), transport.getMessage());
        var cipher = assertThrows(ConfigException.class,
                () -> load(GATEWAY + MAIL, SMTP_PARTNER + "partner.mail.cipher=3des\n"));
        assertTrue(cipher.getMessage().contains("partner.mail.cipher"), cipher.getMessage());
    }

    @Test
    void aPlainConnectionIsRefusedToAnythingButLoopback() {
        var e = assertThrows(ConfigException.class, () -> load(GATEWAY + MAIL + "mail.smtp.security=none\n", null));
        assertTrue(e.getMessage().contains("mail.smtp.security"), e.getMessage());
    }
}
