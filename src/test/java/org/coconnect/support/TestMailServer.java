package org.coconnect.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.domain.MessageHeader;
import org.coconnect.mail.MailSessions;
import org.coconnect.mail.PartnerMailer;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.coconnect.config.AlertMailConfig;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.MailConfig;
import org.coconnect.config.MailServer;
import org.coconnect.config.PartnerConfig;
import org.coconnect.config.PartnerMail;

/**
 * A real mail server for tests (GreenMail: SMTP and IMAP on loopback), with a mailbox per gateway, and the
 * KR and ID gateways configured as each other's e-mail partner through it.
 */
public final class TestMailServer implements AutoCloseable {

    public static final String KR_ADDRESS = "coconnect@kr.test";
    public static final String ID_ADDRESS = "coconnect@id.test";
    public static final String OPERATORS = "ops@kr.test";
    private static final String PASSWORD = "mailbox-password";

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private TestMailServer() {
        smtpPort = LoopbackPorts.reserve();
        imapPort = LoopbackPorts.reserve();
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                new ServerSetup(imapPort, "127.0.0.1", "imap")});
        greenMail.start();
        greenMail.setUser(KR_ADDRESS, "kr", PASSWORD);
        greenMail.setUser(ID_ADDRESS, "id", PASSWORD);
        greenMail.setUser(OPERATORS, "ops", PASSWORD);
    }

    public static TestMailServer start() {
        return new TestMailServer();
    }

    /** Mail settings for the gateway whose mailbox has this login ("kr" or "id"), read every 300 ms. */
    public MailConfig mailConfig(String login, String address) {
        return new MailConfig(new MailServer("127.0.0.1", smtpPort, MailServer.Security.NONE, null, null), address,
                new MailServer("127.0.0.1", imapPort, MailServer.Security.NONE, login, PASSWORD.toCharArray()), "INBOX",
                "CoConnect-Refused", Duration.ofMillis(300), AlertMailConfig.none());
    }

    /** KR and ID as {@link TestGateways#configs(Path)} makes them, but each the other's e-mail partner, on AES-256-GCM. */
    public List<GatewayConfig> gatewayConfigs(Path dir) {
        return gatewayConfigs(dir, PartnerMail.Cipher.AES256_GCM);
    }

    /** KR and ID each the other's e-mail partner, having agreed on this cipher. */
    public List<GatewayConfig> gatewayConfigs(Path dir, PartnerMail.Cipher cipher) {
        var configs = TestGateways.configs(dir);
        return List.of(byMail(configs.get(0), "kr", KR_ADDRESS, ID_ADDRESS, cipher),
                byMail(configs.get(1), "id", ID_ADDRESS, KR_ADDRESS, cipher));
    }

    private GatewayConfig byMail(GatewayConfig config, String login, String own, String partner, PartnerMail.Cipher cipher) {
        List<PartnerConfig> partners = config.partners().stream()
                .map(p -> p.withMail(new PartnerMail(partner, cipher))).toList();
        return config.withMail(mailConfig(login, own)).withPartners(partners);
    }

    /** How many mails the folder of this mailbox holds (not counting those flagged deleted). */
    public int count(String login, String folderName) {
        try (Store store = store(login)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount() - folder.getDeletedMessageCount();
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subjects of the mails in this mailbox's inbox, oldest first. */
    public List<String> subjects(String login) {
        try (Store store = store(login)) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                var subjects = new java.util.ArrayList<String>();
                for (Message m : folder.getMessages()) {
                    subjects.add(m.getSubject());
                }
                return subjects;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mail settings that send through this server's SMTP only (no mailbox), with these alert mails. */
    public MailConfig sendingOnly(String from, AlertMailConfig alerts) {
        return mailConfig("kr", from).withAlerts(alerts).withoutMailbox();
    }

    /** Reads every mail of the inbox as a mail client would (they are then marked seen), and leaves them there. */
    public List<byte[]> download(String login) {
        try (Store store = store(login)) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            try {
                var mails = new java.util.ArrayList<byte[]>();
                for (Message m : folder.getMessages()) {
                    var out = new java.io.ByteArrayOutputStream();
                    m.writeTo(out);
                    mails.add(out.toByteArray());
                }
                return mails;
            } finally {
                folder.close(false);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands a mail to the SMTP server, as another gateway or an attacker would. */
    public void send(MimeMessage mail) {
        try {
            Transport.send(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session on this server's SMTP, for building mails to {@link #send}. */
    public Session smtpSession() {
        var props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        return Session.getInstance(props);
    }

    /** Parses raw mail bytes into a message that can be sent again as it is. */
    public MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(smtpSession(), new java.io.ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A send-co payload from KR to ID for a new CO. */
    public static String sendCoFromKr(String number, UUID messageId) {
        var header = new MessageHeader(messageId, TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        return new OutboundPayloadWriter().certificate(header, OutboundPayloadWriter.text(
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(30))));
    }

    /** The mail KR's gateway would send ID for this payload: signed with KR's key, encrypted for ID. */
    public MimeMessage mailFromKr(GatewayConfig kr, String kind, UUID messageId, String payload) {
        try {
            var keys = GatewayKeys.load(kr.keystores());
            var partner = new PartnerDirectory(kr.partners(), keys.partners()).byId(TestGateways.ID_ID).orElseThrow();
            return new PartnerMailer(new MailSessions(kr.mail().smtp(), null), KR_ADDRESS, keys)
                    .compose(partner, kind, messageId, payload);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every mail the SMTP server holds in a mailbox now. */
    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    private Store store(String login) throws MessagingException {
        var props = new Properties();
        props.put("mail.store.protocol", "imap");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", imapPort, login, PASSWORD);
        return store;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
