package org.coconnect.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.Gateway;
import org.coconnect.config.AlertMailConfig;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.MailConfig;
import org.coconnect.config.MailServer;
import org.coconnect.config.PartnerMail;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;

/**
 * The demo's last chapter: the same two gateways, now each other's partner on the e-mail channel, through a
 * mail server on loopback (GreenMail, standing in for both administrations' SMTP and IMAP servers); one CO
 * goes by S/MIME mail and is settled by the acknowledgement mail.
 */
final class DemoMail {

    private static final String PASSWORD = "demo-mailbox";

    private DemoMail() {
    }

    static void run(GatewayConfig exporterConfig, GatewayConfig importerConfig, Timeline timeline, String number)
            throws IOException {
        int smtp = freePort();
        int imap = freePort();
        var server = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", "smtp"),
                new ServerSetup(imap, "127.0.0.1", "imap")});
        server.start();
        String exp = exporterConfig.selfId();
        String imp = importerConfig.selfId();
        try (Gateway exporter = Gateway.start(byMail(exporterConfig, importerConfig, server, smtp, imap), Clock.systemUTC());
             Gateway importer = Gateway.start(byMail(importerConfig, exporterConfig, server, smtp, imap), Clock.systemUTC())) {
            timeline.event(exp, "partner " + imp + " now on partner.transport=smtp (" + address(importerConfig) + ")");
            String xml = OutboundPayloadWriter.text(SampleCertificate.create(number, 1, exporterConfig.self().countryCode(),
                    importerConfig.self().countryCode(), 1, Instant.now().minusSeconds(60)));
            var read = CertificateReader.read(xml);
            var issued = exporter.useCases().issueCertificate().issue(read.certificate(), read.xml());
            exporter.deliverDue();
            OutboxEntity mailed = exporter.outbox().byMessageId(issued.messageId().toString()).orElseThrow();
            timeline.event(exp, "issued CO " + issued.certificate() + "; send-co " + issued.messageId()
                    + " mailed, signed and encrypted (S/MIME, AES-256-GCM, RSA-OAEP): " + mailed.lastError());
            DemoStory.await(() -> importer.useCases().queryCertificates().find(CertificateSide.IMPORT, issued.certificate())
                    .orElse(null), "the CO at " + imp);
            timeline.event(imp, "read the mail from its mailbox, verified and stored " + issued.certificate()
                    + "; acknowledgement mailed back");
            DemoStory.await(() -> exporter.useCases().queryCertificates().find(CertificateSide.EXPORT, issued.certificate())
                    .filter(c -> c.state() == CertificateState.ACKNOWLEDGED).orElse(null), "the acknowledgement mail");
            timeline.event(exp, "acknowledgement mail read: " + issued.certificate() + " is ACKNOWLEDGED");
        } finally {
            server.stop();
        }
    }

    private static String address(GatewayConfig config) {
        return "coconnect@" + config.selfId().toLowerCase() + ".demo";
    }

    private static GatewayConfig byMail(GatewayConfig self, GatewayConfig partner, GreenMail server, int smtp, int imap) {
        String login = self.selfId().toLowerCase();
        server.setUser(address(self), login, PASSWORD);
        var mail = new MailConfig(new MailServer("127.0.0.1", smtp, MailServer.Security.NONE, null, null), address(self),
                new MailServer("127.0.0.1", imap, MailServer.Security.NONE, login, PASSWORD.toCharArray()), "INBOX",
                "CoConnect-Refused", Duration.ofMillis(250), AlertMailConfig.none());
        return self.withMail(mail).withPartners(self.partners().stream()
                .map(p -> p.id().equals(partner.selfId()) ? p.withMail(new PartnerMail(address(partner), PartnerMail.Cipher.AES256_GCM)) : p)
                .toList());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
