package org.coconnect.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.coconnect.config.PartnerMail;
import org.coconnect.partner.Partner;
import org.coconnect.security.GatewayKeys;

/**
 * Mails one CoConnect payload (a request or an acknowledgement, as XML) to a partner on the e-mail channel:
 * signed with our signing key and encrypted for the partner's encryption certificate. The message ID is in
 * the payload, in a header of the signed part, and in a header of the mail (for operators and filters).
 */
public final class PartnerMailer {

    /** The CoConnect message ID of the payload; the mail's own Message-ID differs on every attempt. */
    public static final String MESSAGE_ID_HEADER = "X-CoConnect-Message-Id";
    /** The operation (e.g. send-co), or "acknowledgement". */
    public static final String KIND_HEADER = "X-CoConnect-Kind";
    public static final String ACKNOWLEDGEMENT = "acknowledgement";

    private final MailSessions sessions;
    private final String from;
    private final GatewayKeys keys;

    public PartnerMailer(MailSessions sessions, String from, GatewayKeys keys) {
        this.sessions = sessions;
        this.from = from;
        this.keys = keys;
    }

    /** Our address, the From of every mail we send. */
    public String from() {
        return from;
    }

    /** Composes and sends the mail; a failure to reach the SMTP server or be accepted by it throws. */
    public void send(Partner partner, String kind, UUID messageId, String payloadXml) throws MessagingException {
        sessions.send(compose(partner, kind, messageId, payloadXml));
    }

    /** The signed and encrypted mail, as {@link #send} would send it. */
    public MimeMessage compose(Partner partner, String kind, UUID messageId, String payloadXml) throws MessagingException {
        PartnerMail mail = partner.config().mail();
        if (mail == null) {
            throw new IllegalArgumentException("partner " + partner.id() + " is not on the e-mail channel");
        }
        var content = new MimeBodyPart();
        content.setText(payloadXml, "UTF-8", "xml");
        // Base64 keeps the signed bytes intact through relays that rewrap lines or change line ends.
        content.setHeader("Content-Transfer-Encoding", "base64");
        content.setDisposition(MimeBodyPart.ATTACHMENT);
        content.setFileName(kind + ".xml");
        content.setHeader(MESSAGE_ID_HEADER, messageId.toString());
        content.setHeader(KIND_HEADER, kind);
        MimeBodyPart encrypted = Smime.signAndEncrypt(content, keys.signingKey(), keys.signingCertificate(),
                partner.encryptionCertificate(), mail.cipher());
        var message = new MimeMessage(sessions.smtpSession());
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address(), true));
        message.setSubject("CoConnect " + kind + " " + messageId);
        message.setHeader(MESSAGE_ID_HEADER, messageId.toString());
        message.setHeader(KIND_HEADER, kind);
        // The encrypted part's data handler carries the CMS bytes as they are; its headers become the mail's.
        message.setDataHandler(encrypted.getDataHandler());
        message.setHeader("Content-Type", encrypted.getContentType());
        message.setHeader("Content-Transfer-Encoding", encrypted.getEncoding());
        message.setDisposition(encrypted.getDisposition());
        message.setFileName(encrypted.getFileName());
        message.saveChanges();
        return message;
    }
}
