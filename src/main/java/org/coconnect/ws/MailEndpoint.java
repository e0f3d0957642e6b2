package org.coconnect.ws;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.coconnect.config.PartnerMail;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ArrivedAcknowledgements;
import org.coconnect.exchange.InboundMessage;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.mail.PartnerMailer;
import org.coconnect.mail.Smime;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.w3c.dom.Element;

/**
 * The e-mail channel's receiving side, for one mail: decrypt and verify it, identify the partner by its
 * signature, then feed a request into the same receive path as a SOAP request (answered by a signed and
 * encrypted acknowledgement mail), or settle the outbox message an acknowledgement names.
 */
public final class MailEndpoint {

    /** What the mailbox reader does with the mail. */
    public enum Outcome {
        /** Stored or settled (and answered): remove it from the mailbox. */
        DONE,
        /** Failed verification or names nothing of ours: move it to the refused folder; an alert was raised. */
        REFUSED
    }

    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final GatewayKeys keys;
    private final ReceiveMessage receive;
    private final ArrivedAcknowledgements acknowledgements;
    private final PartnerMailer mailer;
    private final Alerts alerts;
    private final Clock clock;

    public MailEndpoint(AdministrationId self, PartnerDirectory partners, GatewayKeys keys, ReceiveMessage receive,
                        ArrivedAcknowledgements acknowledgements, PartnerMailer mailer, Alerts alerts, Clock clock) {
        this.self = self;
        this.partners = partners;
        this.keys = keys;
        this.receive = receive;
        this.acknowledgements = acknowledgements;
        this.mailer = mailer;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** A mail refused for a reason the operator must see. */
    private static final class Refusal extends Exception {
        private final ErrorCode code;

        Refusal(ErrorCode code, String detail) {
            super(detail);
            this.code = code;
        }
    }

    /**
     * Handles one mail. Throws when it must stay in the mailbox for a later pass: the database or our SMTP
     * server failed; a request already stored is then answered from the store on that pass.
     */
    public Outcome handle(MimeMessage mail) throws MessagingException {
        Instant receivedAt = clock.instant();
        String from = fromAddress(mail);
        try {
            Smime.Opened opened;
            try {
                opened = Smime.decryptAndVerify(mail, keys.encryptionKey(), keys.encryptionCertificate());
            } catch (Smime.Refused e) {
                throw new Refusal(ErrorCode.MAIL_NOT_VERIFIED, e.getMessage());
            }
            Partner partner = partnerOf(opened, from);
            Element payload = payload(opened);
            for (Operation operation : Operation.values()) {
                if (is(payload, Contract.requestElement(operation))) {
                    receiveRequest(operation, partner, payload, opened, receivedAt);
                    return Outcome.DONE;
                }
                if (is(payload, Contract.responseElement(operation))) {
                    settle(partner, payload);
                    return Outcome.DONE;
                }
            }
            throw new Refusal(ErrorCode.MAIL_PAYLOAD_UNREADABLE, "the payload is no CoConnect request or acknowledgement: "
                    + payload.getLocalName());
        } catch (Refusal e) {
            alerts.raiseRefusal(e.code, "mail from " + from, null, header(mail, PartnerMailer.MESSAGE_ID_HEADER),
                    "Refused a mail from " + from + " (" + mail.getSubject() + "): " + e.getMessage());
            return Outcome.REFUSED;
        }
    }

    private Partner partnerOf(Smime.Opened opened, String from) throws Refusal {
        Partner partner = partners.bySigningCertificate(opened.signer()).orElseThrow(() -> new Refusal(
                ErrorCode.MAIL_SENDER_UNKNOWN, "signed by " + opened.signer().getSubjectX500Principal()
                + ", which is no partner's signing certificate"));
        Optional<String> revoked = partners.revocationProblem(partner, opened.signer());
        if (revoked.isPresent()) {
            throw new Refusal(ErrorCode.MAIL_SENDER_UNKNOWN, "signing certificate of " + partner.id() + ": " + revoked.get());
        }
        if (partner.config().mail() == null) {
            throw new Refusal(ErrorCode.MAIL_SENDER_UNKNOWN, "signed by " + partner.id() + ", which is not on the e-mail channel");
        }
        if (partner.config().mail().cipher() == PartnerMail.Cipher.AES256_GCM && !opened.authenticatedEncryption()) {
            throw new Refusal(ErrorCode.MAIL_NOT_VERIFIED, "AES-256-CBC from " + partner.id()
                    + ", whose agreed cipher is AES-256-GCM: a downgrade");
        }
        if (partner.currentEncryptionCertificate().isEmpty()) {
            // We could not encrypt the acknowledgement: refused before anything is stored, as over HTTPS.
            throw new Refusal(ErrorCode.MAIL_SENDER_UNKNOWN, "partner " + partner.id()
                    + " has no valid encryption certificate to encrypt the answer for");
        }
        if (!partner.config().mail().address().equalsIgnoreCase(from)) {
            throw new Refusal(ErrorCode.MAIL_SENDER_UNKNOWN, "signed by " + partner.id() + " but sent from " + from
                    + ", not from " + partner.config().mail().address());
        }
        return partner;
    }

    private static Element payload(Smime.Opened opened) throws Refusal {
        try {
            if (!opened.content().isMimeType("text/xml") && !opened.content().isMimeType("application/xml")) {
                throw new Refusal(ErrorCode.MAIL_PAYLOAD_UNREADABLE, "the signed content is " + opened.content().getContentType()
                        + ", not XML");
            }
            byte[] xml = opened.content().getInputStream().readAllBytes();
            Element payload = SecureXml.documentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            XmlLimits.check(payload);
            String signedId = header(opened.content(), PartnerMailer.MESSAGE_ID_HEADER);
            var ids = payload.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "MessageId");
            if (signedId != null && (ids.getLength() == 0 || !signedId.equals(ids.item(0).getTextContent().trim()))) {
                throw new Refusal(ErrorCode.MAIL_PAYLOAD_UNREADABLE, "the signed header names message " + signedId
                        + ", the payload another");
            }
            return payload;
        } catch (Refusal e) {
            throw e;
        } catch (GatewayFault e) {
            throw new Refusal(ErrorCode.MAIL_PAYLOAD_UNREADABLE, e.code().code() + " " + e.getMessage());
        } catch (Exception e) {
            throw new Refusal(ErrorCode.MAIL_PAYLOAD_UNREADABLE, "the payload is not well-formed XML: " + e.getMessage());
        }
    }

    /** The same receive path as a SOAP request; the acknowledgement goes back by mail, signed and encrypted. */
    private void receiveRequest(Operation operation, Partner partner, Element payload, Smime.Opened opened,
                                Instant receivedAt) throws MessagingException {
        InboundMessage in = GatewayEndpoint.read(operation, PayloadBindings.of(operation), partner, payload,
                opened.signedMime(), receivedAt);
        Acknowledgement ack = receive.receive(in);
        var header = new MessageHeader(UUID.randomUUID(), self, partner.administration(), clock.instant(),
                ack.receivedMessageId(), MessageHeader.SCHEMA_VERSION);
        Element answer = (Element) GatewayEndpoint.acknowledgement(operation, header, ack).getNode();
        mailer.send(partner, PartnerMailer.ACKNOWLEDGEMENT, header.messageId(), OutboundPayloadWriter.text(answer));
    }

    private void settle(Partner partner, Element payload) throws Refusal {
        Acknowledgement ack;
        try {
            AcknowledgementMessageType message = Contract.jaxb().createUnmarshaller()
                    .unmarshal(payload, AcknowledgementMessageType.class).getValue();
            ack = AcknowledgementMapper.fromMessage(message);
        } catch (JAXBException | RuntimeException e) {
            throw new Refusal(ErrorCode.MAIL_PAYLOAD_UNREADABLE, "the acknowledgement cannot be read: " + e.getMessage());
        }
        if (!acknowledgements.settle(partner.id(), ack)) {
            throw new Refusal(ErrorCode.MAIL_ACK_UNMATCHED, "acknowledgement of " + ack.receivedMessageId()
                    + ", which we never sent to " + partner.id());
        }
    }

    private static boolean is(Element element, javax.xml.namespace.QName name) {
        return name.getNamespaceURI().equals(element.getNamespaceURI()) && name.getLocalPart().equals(element.getLocalName());
    }

    private static String fromAddress(MimeMessage mail) {
        try {
            var from = mail.getFrom();
            return from != null && from.length == 1 && from[0] instanceof InternetAddress a ? a.getAddress()
                    : Arrays.toString(from);
        } catch (MessagingException e) {
            return "(unreadable From)";
        }
    }

    private static String header(jakarta.mail.Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }
}
