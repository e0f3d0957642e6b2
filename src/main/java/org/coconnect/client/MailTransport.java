package org.coconnect.client;

import jakarta.mail.MessagingException;
import java.util.Optional;
import java.util.UUID;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.coconnect.mail.PartnerMailer;
import org.coconnect.partner.Partner;
import org.coconnect.ws.OutboundPayloadWriter;
import org.w3c.dom.Element;

/**
 * The e-mail channel's sending side: an attempt is a signed and encrypted mail handed to our SMTP server.
 * The partner's acknowledgement arrives later in our mailbox, where the mailbox reader settles the message.
 */
final class MailTransport implements PartnerTransport {

    private final Partner partner;
    private final PartnerMailer mailer;

    MailTransport(Partner partner, PartnerMailer mailer) {
        this.partner = partner;
        this.mailer = mailer;
    }

    @Override
    public Optional<Answered> deliver(Operation operation, Element payload, UUID messageId) throws DeliveryException {
        try {
            mailer.send(partner, operation.pathName(), messageId, OutboundPayloadWriter.text(payload));
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            throw new DeliveryException("mail of " + operation.pathName() + " " + messageId + " to " + partner.id()
                    + " not accepted by our SMTP server: " + e.getMessage(), e);
        }
    }
}
