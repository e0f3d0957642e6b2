package org.coconnect.ws;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.mail.MailSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the partners' mailbox over IMAP. A mail is removed only after it is handled: its message stored and
 * answered, its acknowledgement recorded, or (refused) a copy kept in the refused folder. A mail whose handling
 * failed (database, SMTP) stays and is read again on the next pass, where a request already stored is answered
 * from the store: a stop at any point loses nothing and stores nothing twice.
 */
public final class MailboxReader {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxReader.class);
    /** Far above any CO; a larger mail is refused unread rather than held in memory. */
    private static final int MAX_MAIL_BYTES = 16 * 1024 * 1024;

    private final MailSessions sessions;
    private final String inboxFolder;
    private final String refusedFolder;
    private final MailEndpoint endpoint;
    private final Alerts alerts;

    public MailboxReader(MailSessions sessions, String inboxFolder, String refusedFolder, MailEndpoint endpoint,
                         Alerts alerts) {
        this.sessions = sessions;
        this.inboxFolder = inboxFolder;
        this.refusedFolder = refusedFolder;
        this.endpoint = endpoint;
        this.alerts = alerts;
    }

    /** One pass over the mailbox; returns how many mails were handled and removed. */
    public synchronized int pass() {
        try (Store store = sessions.openMailbox()) {
            Folder inbox = store.getFolder(inboxFolder);
            inbox.open(Folder.READ_WRITE);
            int handled = 0;
            try {
                // Acknowledgements first: a mail does not keep its order behind another, and the answer to our CO
                // must settle it before the partner's next message about that CO (its feedback) is read.
                var messages = java.util.Arrays.stream(inbox.getMessages())
                        .sorted(java.util.Comparator.comparing(m -> !isAcknowledgement(m))).toList();
                for (Message message : messages) {
                    handled += handle(store, inbox, message) ? 1 : 0;
                }
            } finally {
                inbox.close(true);
            }
            return handled;
        } catch (MessagingException e) {
            alerts.raiseOnce(Duration.ofHours(1), ErrorCode.MAILBOX_UNREACHABLE, null, null, "mailbox",
                    "The partners' mailbox could not be read: " + e.getMessage());
            return 0;
        }
    }

    private static boolean isAcknowledgement(Message message) {
        try {
            String[] kind = message.getHeader(org.coconnect.mail.PartnerMailer.KIND_HEADER);
            return kind != null && org.coconnect.mail.PartnerMailer.ACKNOWLEDGEMENT.equals(kind[0]);
        } catch (MessagingException e) {
            return false;
        }
    }

    private boolean handle(Store store, Folder inbox, Message message) throws MessagingException {
        if (message.isSet(Flags.Flag.DELETED)) {
            return false;                    // handled on an earlier pass that stopped before the expunge
        }
        MailEndpoint.Outcome outcome;
        if (message.getSize() > MAX_MAIL_BYTES) {
            alerts.raise(ErrorCode.MAIL_PAYLOAD_UNREADABLE, null, null, "A mail of " + message.getSize()
                    + " bytes exceeds the limit of " + MAX_MAIL_BYTES + "; it was moved to " + refusedFolder);
            outcome = MailEndpoint.Outcome.REFUSED;
        } else {
            try {
                // A local copy: the whole mail is downloaded once, and parsed from these bytes.
                outcome = endpoint.handle(new MimeMessage((MimeMessage) message));
            } catch (MessagingException e) {
                alerts.raiseOnce(Duration.ofHours(1), ErrorCode.MAILBOX_UNREACHABLE, null, null, "smtp",
                        "A mail was handled but its answer could not be sent; it stays in the mailbox: " + e.getMessage());
                return false;
            } catch (RuntimeException e) {
                LOG.error("A mail could not be handled now; it stays in the mailbox for the next pass", e);
                return false;
            }
        }
        if (outcome == MailEndpoint.Outcome.REFUSED) {
            Folder refused = store.getFolder(refusedFolder);
            if (!refused.exists()) {
                refused.create(Folder.HOLDS_MESSAGES);
            }
            inbox.copyMessages(new Message[] {message}, refused);
        }
        message.setFlag(Flags.Flag.DELETED, true);
        return true;
    }
}
