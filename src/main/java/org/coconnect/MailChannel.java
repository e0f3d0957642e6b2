package org.coconnect;

import java.time.Clock;
import java.time.Duration;
import org.coconnect.client.PartnerClients;
import org.coconnect.client.PartnerTransports;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.MailConfig;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ArrivedAcknowledgements;
import org.coconnect.exchange.Outbox;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.mail.MailSessions;
import org.coconnect.mail.PartnerMailer;
import org.coconnect.monitoring.AlertMailer;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.security.GatewayKeys;
import org.coconnect.ws.MailEndpoint;
import org.coconnect.ws.MailboxReader;

/**
 * Wiring of everything that goes by mail: the e-mail channel to partners (sending through the delivery worker,
 * reading the mailbox) and alert mails. Without mail settings it wires nothing and every partner is HTTPS.
 */
final class MailChannel implements AutoCloseable {

    private final GatewayConfig config;
    private final GatewayKeys keys;
    private final Clock clock;
    private final Alerts alerts;
    private final MailSessions sessions;
    private final PartnerMailer mailer;
    private final AlertMailer alertMailer;
    private MailboxReader reader;

    private MailChannel(GatewayConfig config, GatewayKeys keys, Clock clock, Alerts alerts) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.alerts = alerts;
        MailConfig mail = config.mail();
        this.sessions = new MailSessions(mail.smtp(), mail.imap());
        this.mailer = mail.smtp() == null ? null : new PartnerMailer(sessions, mail.from(), keys);
        this.alertMailer = mail.alerts().recipients().isEmpty() && mail.alerts().byKind().isEmpty() ? null
                : new AlertMailer(mail.alerts(), sessions, mail.from(), config.selfId(), clock);
        if (alertMailer != null) {
            alerts.subscribe(alertMailer);
        }
    }

    /** The mail parts of a gateway; alert mails start at once. */
    static MailChannel create(GatewayConfig config, GatewayKeys keys, Clock clock, Alerts alerts) {
        return new MailChannel(config, keys, clock, alerts);
    }

    /** Each partner's transport: mail for partner.transport=smtp, else HTTPS. */
    PartnerTransports transports(PartnerDirectory partners, PartnerClients clients) {
        return new PartnerTransports(partners, clients, mailer);
    }

    /** Reads the partners' mailbox every poll interval, when one is configured. */
    void startReading(Database database, Outbox outbox, ReceiveMessage receive, PartnerDirectory partners,
                      PeriodicJobs jobs) {
        if (config.mail().imap() == null || mailer == null) {
            return;                          // without SMTP no acknowledgement could be sent: the mailbox waits
        }
        var endpoint = new MailEndpoint(config.self(), partners, keys, receive, new ArrivedAcknowledgements(database, outbox),
                mailer, alerts, clock);
        reader = new MailboxReader(sessions, config.mail().inboxFolder(), config.mail().refusedFolder(), endpoint, alerts);
        jobs.every("Mailbox", Duration.ZERO, config.mail().pollInterval(), reader::pass);
    }

    /** One pass over the mailbox now; 0 when none is configured. For tests and commands. */
    int readMailbox() {
        return reader == null ? 0 : reader.pass();
    }

    /** Sums up closed alert-mail windows now and waits for alert mails under way. For tests. */
    void flushAlertMails() {
        if (alertMailer != null) {
            alertMailer.flush();
        }
    }

    @Override
    public void close() {
        if (alertMailer != null) {
            alertMailer.close();
        }
    }
}
