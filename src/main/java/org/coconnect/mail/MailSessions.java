package org.coconnect.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.coconnect.config.MailServer;

/**
 * Jakarta Mail sessions for the configured SMTP and IMAP servers, with TLS required where configured and
 * bounded timeouts, so a hung mail server holds up one attempt, never the gateway.
 */
public final class MailSessions {

    private static final String TIMEOUT_MILLIS = "30000";
    private final MailServer smtp;
    private final MailServer imap;
    private final Session smtpSession;
    private final Session imapSession;

    /** @param smtp null when no mail is sent; @param imap null when no mailbox is read */
    public MailSessions(MailServer smtp, MailServer imap) {
        this.smtp = smtp;
        this.imap = imap;
        this.smtpSession = smtp == null ? null : Session.getInstance(properties("smtp", smtp));
        this.imapSession = imap == null ? null : Session.getInstance(properties("imap", imap));
    }

    private static Properties properties(String protocol, MailServer server) {
        String p = server.security() == MailServer.Security.TLS ? protocol + "s" : protocol;
        var props = new Properties();
        props.put("mail.transport.protocol", p);
        props.put("mail.store.protocol", p);
        props.put("mail." + p + ".host", server.host());
        props.put("mail." + p + ".port", String.valueOf(server.port()));
        props.put("mail." + p + ".connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail." + p + ".timeout", TIMEOUT_MILLIS);
        props.put("mail." + p + ".writetimeout", TIMEOUT_MILLIS);
        props.put("mail." + p + ".auth", String.valueOf(server.user() != null));
        if (server.security() == MailServer.Security.STARTTLS) {
            props.put("mail." + p + ".starttls.enable", "true");
            props.put("mail." + p + ".starttls.required", "true");
        }
        if (server.security() != MailServer.Security.NONE) {
            props.put("mail." + p + ".ssl.checkserveridentity", "true");
            props.put("mail." + p + ".ssl.protocols", "TLSv1.3 TLSv1.2");
        }
        return props;
    }

    /** The SMTP session, for composing messages. */
    public Session smtpSession() {
        if (smtpSession == null) {
            throw new IllegalStateException("no SMTP server is configured (mail.smtp.host)");
        }
        return smtpSession;
    }

    /** Sends one message through the SMTP server, logging in when a user is configured. */
    public void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        if (smtp.user() == null) {
            Transport.send(message);
        } else {
            Transport.send(message, smtp.user(), new String(smtp.password()));
        }
    }

    /** A connected store on the IMAP server; the caller closes it. */
    public Store openMailbox() throws MessagingException {
        if (imapSession == null) {
            throw new IllegalStateException("no IMAP server is configured (mail.imap.host)");
        }
        Store store = imapSession.getStore();
        store.connect(imap.host(), imap.port(), imap.user(), imap.password() == null ? null : new String(imap.password()));
        return store;
    }
}
