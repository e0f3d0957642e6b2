package org.coconnect.ws;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.InboundMessage;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.WsSecurityProperties;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The inbound path of one operation, after CXF and WSS4J have enforced the WSDL's policy:
 * identify the partner by its signing certificate, read and validate the payload, receive it
 * (durably), and answer with the acknowledgement.
 */
@WebServiceProvider(serviceName = "CoConnectService", targetNamespace = Contract.WSDL_NAMESPACE,
        portName = "send-co", wsdlLocation = Contract.WSDL_RESOURCE)
@ServiceMode(Service.Mode.PAYLOAD)
public final class GatewayEndpoint implements Provider<DOMSource> {

    private static final DocumentBuilderFactory DOCUMENTS = SecureXml.documentBuilderFactory();

    private final Operation operation;
    private final PayloadBinding<?, ?> binding;
    private final SecurityProfile profile;
    private final AdministrationId self;
    private final PartnerDirectory partners;
    private final ReceiveMessage receive;
    private final Clock clock;

    public GatewayEndpoint(Operation operation, SecurityProfile profile, AdministrationId self, PartnerDirectory partners,
                           ReceiveMessage receive, Clock clock) {
        this.operation = operation;
        this.binding = PayloadBindings.of(operation);
        this.profile = profile;
        this.self = self;
        this.partners = partners;
        this.receive = receive;
        this.clock = clock;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Instant receivedAt = clock.instant();
        Message message = PhaseInterceptorChain.getCurrentMessage();
        PartnerDirectory snapshot = message.getExchange().get(PartnerDirectory.class);
        Partner partner = identifyPartner(message, snapshot != null ? snapshot : partners);
        requireProfile(profile, partner);
        Element payload = RequestRoot.require(request, Contract.requestElement(operation), operation.pathName());
        InboundMessage in = read(operation, binding, partner, payload,
                (byte[]) message.get(RawEnvelopeInterceptor.RAW_ENVELOPE), receivedAt);
        Acknowledgement ack = receive.receive(in);
        var header = new MessageHeader(UUID.randomUUID(), self, partner.administration(), clock.instant(),
                ack.receivedMessageId(), MessageHeader.SCHEMA_VERSION);
        return acknowledgement(operation, header, ack);
    }

    /** The operation's response element carrying this acknowledgement (also the benchmark's bare endpoint's answer). */
    public static DOMSource acknowledgement(Operation operation, MessageHeader header, Acknowledgement ack) {
        return toSource(Contract.responseElement(operation), AcknowledgementMapper.toMessage(header, ack));
    }

    /** BindIdentity: the signing certificate must be a partner's, the same partner the transport authenticated. */
    static Partner identifyPartner(Message message, PartnerDirectory partners) {
        Object transportPartner = message.get(TransportAuthenticator.TRANSPORT_PARTNER);
        // The answer (acknowledgement or fault) is encrypted for the encryption certificate of the partner
        // whose connection this is, never for the request's signing certificate: even a refusal of a
        // signature we do not know reaches the partner readable.
        partners.byId(String.valueOf(transportPartner)).flatMap(Partner::currentEncryptionCertificate)
                .ifPresent(c -> WsSecurityProperties.encryptAnswerFor(message.getExchange(), c));
        X509Certificate signer;
        try {
            signer = SigningCertificate.soleSigner(message::get);
        } catch (SigningCertificate.NotUnique e) {
            throw new GatewayFault(ErrorCode.SIGNATURE_NOT_UNIQUE, ErrorCode.SECURITY_FAILURE, e.getMessage());
        }
        return bindSigner(signer, transportPartner, partners);
    }

    /**
     * The partner whose signing certificate this is, the one the transport authenticated, with a certificate to
     * encrypt the answer for; the same check whichever binding carried the signature.
     */
    static Partner bindSigner(X509Certificate signer, Object transportPartner, PartnerDirectory partners) {
        Partner partner = partners.bySigningCertificate(signer)
                .orElseThrow(() -> new GatewayFault(ErrorCode.CERTIFICATE_NOT_TRUSTED, ErrorCode.SECURITY_FAILURE,
                        "signed with " + signer.getSubjectX500Principal() + ", which is no partner's signing certificate"));
        partners.revocationProblem(partner, signer).ifPresent(problem -> {
            throw new GatewayFault(ErrorCode.CERTIFICATE_REVOKED, ErrorCode.SECURITY_FAILURE, "signing certificate of "
                    + partner.id() + " " + signer.getSubjectX500Principal() + ": " + problem);
        });
        if (!partner.id().equals(transportPartner)) {
            throw new GatewayFault(ErrorCode.IDENTITY_MISMATCH, ErrorCode.SECURITY_FAILURE,
                    "signed by " + partner.id() + " over a connection authenticated as " + transportPartner);
        }
        if (partner.currentEncryptionCertificate().isEmpty()) {
            // We could not encrypt the acknowledgement for the partner: refuse before anything is stored.
            throw new GatewayFault(ErrorCode.CERTIFICATE_NOT_TRUSTED, ErrorCode.SECURITY_FAILURE,
                    "partner " + partner.id() + " has no valid encryption certificate to encrypt the answer for");
        }
        return partner;
    }

    /**
     * The legacy CBC endpoints serve only the partners that opted in: for every other partner a CBC
     * message is a downgrade, refused like any other disallowed algorithm, before anything is stored.
     */
    static void requireProfile(SecurityProfile endpointProfile, Partner partner) {
        if (partner.config().protocol().isJson()) {
            // The pair agreed on the JSON API: a SOAP message from this partner is refused like a wrong algorithm.
            throw new GatewayFault(ErrorCode.PROTOCOL_NOT_AGREED, ErrorCode.SECURITY_FAILURE, "partner " + partner.id()
                    + " sent SOAP, its partner.protocol is json");
        }
        if (endpointProfile == SecurityProfile.LEGACY_CBC && partner.config().securityProfile() != SecurityProfile.LEGACY_CBC) {
            throw new GatewayFault(ErrorCode.ALGORITHM_NOT_ALLOWED, ErrorCode.SECURITY_FAILURE, "partner " + partner.id()
                    + " used the legacy CBC endpoint, but its partner.security.profile is "
                    + partner.config().securityProfile().key());
        }
    }

    private InboundMessage read(Partner partner, Element payload, byte[] rawEnvelope, Instant receivedAt) {
        return read(operation, binding, partner, payload, rawEnvelope, receivedAt);
    }

    /** The payload of an authenticated request, read and validated for the receive path (also for mails and JSON). */
    static InboundMessage read(Operation operation, PayloadBinding<?, ?> binding, Partner partner, Element payload,
                               byte[] rawEnvelope, Instant receivedAt) {
        XmlLimits.check(payload);
        PayloadDigest digest = PayloadDigest.of(payload);
        var problems = new java.util.ArrayList<>(PayloadValidator.validate(payload));
        var parsed = PayloadReader.read(binding, payload, problems.isEmpty());
        problems.addAll(parsed.problems());
        UUID messageId = parsed.header() == null ? readableId(payload) : parsed.header().messageId();
        return new InboundMessage(operation, partner, messageId, parsed.header(), parsed.content(), problems,
                digest.sha256(), rawEnvelope, new String(digest.canonical(), java.nio.charset.StandardCharsets.UTF_8),
                receivedAt);
    }

    /** The message ID of an invalid payload, if it can be read, so the rejection names it. */
    private static UUID readableId(Element payload) {
        var ids = payload.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "MessageId");
        if (ids.getLength() > 0) {
            try {
                return UUID.fromString(ids.item(0).getTextContent().trim());
            } catch (IllegalArgumentException e) {
                return InboundMessage.UNREADABLE_ID;
            }
        }
        return InboundMessage.UNREADABLE_ID;
    }

    static DOMSource toSource(QName element, Object value) {
        try {
            Document doc = DOCUMENTS.newDocumentBuilder().newDocument();
            @SuppressWarnings({"unchecked", "rawtypes"})
            var jaxbElement = new JAXBElement(element, value.getClass(), value);
            Contract.jaxb().createMarshaller().marshal(jaxbElement, doc);
            return new DOMSource(doc.getDocumentElement());
        } catch (JAXBException | ParserConfigurationException e) {
            throw new IllegalStateException("acknowledgement cannot be written", e);
        }
    }
}
