package org.coconnect.client;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.domain.MessageHeader;
import org.coconnect.error.ErrorCode;
import org.coconnect.domain.Operation;
import org.coconnect.partner.Partner;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.PartnerServerTrust;
import org.coconnect.security.TlsMaterial;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.ws.AcknowledgementMapper;
import org.coconnect.ws.Contract;
import org.coconnect.ws.PayloadDigest;
import org.coconnect.exchange.OutboundEvidence;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SigningCertificate;
import org.coconnect.ws.VerificationMapper;
import org.coconnect.ws.VerifyEndpoint;
import org.coconnect.ws.generated.messages.VerifyCoResponseType;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.w3c.dom.Element;

/**
 * Sends every message to one partner over mutual TLS, signed and encrypted for that partner, and
 * returns the partner's acknowledgement once its signature is verified and its signer checked.
 * Thread-safe.
 */
public final class PartnerClient implements PartnerTransport {

    private final GatewayConfig self;
    private final Partner partner;
    private final Clock clock;
    private final Map<Operation, Dispatch<Source>> dispatches = new EnumMap<>(Operation.class);
    private final Dispatch<Source> verifyDispatch;
    /** Set when the partner speaks the JSON API: every push goes there instead of the SOAP dispatches. */
    private final JsonPartnerClient json;

    /** @param login our HTTP Basic login with this partner; null sends none (the partner will refuse) */
    public PartnerClient(Bus bus, GatewayConfig self, GatewayKeys keys, Crypto crypto, Partner partner,
                         CredentialFiles.Login login, Clock clock) {
        this.self = self;
        this.partner = partner;
        this.clock = clock;
        this.json = partner.config().protocol().isJson() ? new JsonPartnerClient(keys, partner, login) : null;
        Bus previous = BusFactory.getAndSetThreadDefaultBus(bus);
        try {
            // The partner's profile picks the policy we sign and encrypt by; its addresses stay as configured.
            SecurityProfile profile = partner.config().securityProfile();
            Service service = Service.create(Contract.wsdlUrl(profile), Contract.service(profile));
            Map<String, Object> security = WsSecurityProperties.client(keys, crypto, partner.encryptionCertificate(),
                    self.timestampTimeToLive(), self.allowedClockSkew(), profile);
            for (Operation operation : Operation.values()) {
                Dispatch<Source> dispatch = service.createDispatch(Contract.port(operation), Source.class, Service.Mode.PAYLOAD);
                dispatch.getRequestContext().putAll(security);
                dispatch.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                        partner.config().operationUrl(operation.pathName()).toString());
                configureTransport(dispatch, keys, login);
                dispatches.put(operation, dispatch);
            }
            verifyDispatch = service.createDispatch(VerifyEndpoint.PORT, Source.class, Service.Mode.PAYLOAD);
            verifyDispatch.getRequestContext().putAll(security);
            verifyDispatch.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                    partner.config().operationUrl(VerifyEndpoint.PATH).toString());
            configureTransport(verifyDispatch, keys, login);
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    private void configureTransport(Dispatch<Source> dispatch, GatewayKeys keys, CredentialFiles.Login login) {
        EnvelopeCapture.install(((DispatchImpl<?>) dispatch).getClient());
        HTTPConduit conduit = (HTTPConduit) ((DispatchImpl<?>) dispatch).getClient().getConduit();
        if (login != null) {
            var authorization = new AuthorizationPolicy();
            authorization.setUserName(login.user());
            authorization.setPassword(new String(login.password()));
            authorization.setAuthorizationType("Basic");
            conduit.setAuthorization(authorization);
        }
        var tls = new TLSClientParameters();
        tls.setKeyManagers(TlsMaterial.keyManagers(keys));
        // Only this partner's anchors: another partner's CA must not be able to impersonate this partner's server.
        tls.setTrustManagers(PartnerServerTrust.forPartner(keys.trust(), partner.id(), partner.tlsCertificates(),
                partner.config().trust().pinnedServerSha256()));
        tls.setSecureSocketProtocol("TLSv1.3");
        conduit.setTlsClientParameters(tls);
        var policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(60_000);
        policy.setAllowChunking(false);
        conduit.setClient(policy);
    }

    @Override
    public Optional<Answered> deliver(Operation operation, Element payload, UUID messageId) throws DeliveryException {
        return Optional.of(sendWithEvidence(operation, payload, messageId));
    }

    /** A fresh header from us to the partner; keep its message ID for every retry of the message. */
    public MessageHeader newHeader(UUID messageId, UUID relatedMessageId) {
        return new MessageHeader(messageId, self.self(), partner.administration(), clock.instant(), relatedMessageId,
                MessageHeader.SCHEMA_VERSION);
    }

    public Acknowledgement sendCertificate(MessageHeader header, Element certificateOfOrigin) throws DeliveryException {
        return send(Operation.SEND_CO, RequestBuilder.sendCo(header, certificateOfOrigin), header.messageId());
    }

    public Acknowledgement sendCancellationNotification(MessageHeader header, CancellationNotification n)
            throws DeliveryException {
        return send(Operation.SEND_AMENDMENT_NOTIFICATION,
                RequestBuilder.request(Operation.SEND_AMENDMENT_NOTIFICATION, header, n), header.messageId());
    }

    /**
     * Sends a payload as it is (the operation's wrapper element), freshly signed and encrypted. Every
     * call makes a new signature and Timestamp; the payload, and so its message ID, stays the same.
     */
    public Acknowledgement send(Operation operation, Element payload, UUID messageId) throws DeliveryException {
        return sendWithEvidence(operation, payload, messageId).ack();
    }

    /**
     * Like {@link #send}, keeping our envelope as sent and the answer as received. An acknowledgement
     * whose digest is not that of our payload is no delivery: {@link DigestMismatchException}.
     */
    public Answered sendWithEvidence(Operation operation, Element payload, UUID messageId) throws DeliveryException {
        byte[] digest = PayloadDigest.of(payload).sha256();
        if (json != null) {
            var exchanged = json.send(operation, payload, messageId);
            return checked(operation, messageId, exchanged.payloadDigest(), exchanged.ack(), new OutboundEvidence.Attempt(
                    exchanged.sent(), exchanged.received(), exchanged.signerDer(), exchanged.payloadDigest(),
                    exchanged.ack().payloadDigest()));
        }
        Dispatch<Source> dispatch = dispatches.get(operation);
        Source response;
        try {
            response = dispatch.invoke(new DOMSource(payload));
        } catch (SOAPFaultException e) {
            throw new DeliveryException(partner.id() + " refused " + operation.pathName() + " " + messageId + ": "
                    + e.getFault().getFaultString(), e);
        } catch (WebServiceException e) {
            throw new DeliveryException(partner.id() + " unreachable for " + operation.pathName() + " " + messageId
                    + ": " + rootMessage(e), e);
        }
        Acknowledgement ack = readAcknowledgement(dispatch, response, messageId);
        Map<String, Object> context = dispatch.getResponseContext();
        var evidence = new OutboundEvidence.Attempt((byte[]) context.get(EnvelopeCapture.SENT),
                (byte[]) context.get(EnvelopeCapture.RECEIVED), JsonPartnerClient.der(SigningCertificate.from(
                dispatch.getResponseContext()::get).orElse(null)), digest, ack.payloadDigest());
        return checked(operation, messageId, digest, ack, evidence);
    }

    /** An acknowledgement whose digest is not that of our payload is no delivery, whichever binding carried it. */
    private Answered checked(Operation operation, UUID messageId, byte[] digest, Acknowledgement ack,
                             OutboundEvidence.Attempt evidence) throws DigestMismatchException {
        boolean mismatch = ack.payloadDigest() == null ? ack.status().isDelivered()
                : !MessageDigest.isEqual(ack.payloadDigest(), digest);
        if (mismatch) {
            throw new DigestMismatchException(ErrorCode.ACK_DIGEST_MISMATCH.code() + " " + partner.id() + " acknowledged "
                    + operation.pathName() + " " + messageId + " " + ack.status() + " with the digest of another payload ("
                    + (ack.payloadDigest() == null ? "none" : HexFormat.of().formatHex(ack.payloadDigest())) + ", ours "
                    + HexFormat.of().formatHex(digest) + ")", evidence);
        }
        return new Answered(ack, evidence);
    }

    /**
     * Annex III, A.53: asks the partner's gateway about a CO it issued, by number and reference code.
     * Empty when the partner answers NOT_FOUND (unknown number or wrong code: it does not say which).
     */
    public Optional<CertificateVerification> verify(String issuingCountry, String number, String referenceCode)
            throws DeliveryException {
        MessageHeader header = newHeader(UUID.randomUUID(), null);
        if (json != null) {
            return json.verify(header, issuingCountry, number, referenceCode);
        }
        Element request = RequestBuilder.element(VerifyEndpoint.REQUEST,
                VerificationMapper.request(header, issuingCountry, number, referenceCode));
        Source response;
        try {
            response = verifyDispatch.invoke(new DOMSource(request));
        } catch (SOAPFaultException e) {
            throw new DeliveryException(partner.id() + " refused verify-co: " + e.getFault().getFaultString(), e);
        } catch (WebServiceException e) {
            if (httpStatus(e) == 429) {
                // The only 429 at /verify-co: the partner's lookup rate (its fault text does not reach us past CXF).
                throw new DeliveryException(partner.id() + " refused verify-co with HTTP 429: "
                        + ErrorCode.LOOKUP_RATE_LIMITED.partnerText(), e);
            }
            throw new DeliveryException(partner.id() + " unreachable for verify-co: " + rootMessage(e), e);
        }
        requirePartnerSignature(verifyDispatch);
        try {
            VerifyCoResponseType answer = Contract.jaxb().createUnmarshaller()
                    .unmarshal(response, VerifyCoResponseType.class).getValue();
            UUID related = answer.getMessageHeader().getRelatedMessageId() == null ? null
                    : UUID.fromString(answer.getMessageHeader().getRelatedMessageId());
            if (!header.messageId().equals(related)) {
                throw new DeliveryException("verify-co answer from " + partner.id() + " is not for our request "
                        + header.messageId(), null);
            }
            return VerificationMapper.fromResponse(answer);
        } catch (JAXBException | RuntimeException e) {
            throw new DeliveryException("verify-co answer from " + partner.id() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static int httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.cxf.transport.http.HTTPException http) {
                return http.getResponseCode();
            }
        }
        return 0;
    }

    private void requirePartnerSignature(Dispatch<Source> dispatch) throws DeliveryException {
        X509Certificate signer = SigningCertificate.from(dispatch.getResponseContext()::get)
                .orElseThrow(() -> new DeliveryException("answer from " + partner.id() + " is not signed", null));
        if (!partner.signingCertificates().contains(signer)) {
            throw new DeliveryException("answer signed by " + signer.getSubjectX500Principal()
                    + ", which is not " + partner.id() + "'s signing certificate", null);
        }
    }

    private Acknowledgement readAcknowledgement(Dispatch<Source> dispatch, Source response, UUID messageId)
            throws DeliveryException {
        X509Certificate signer = SigningCertificate.from(dispatch.getResponseContext()::get)
                .orElseThrow(() -> new DeliveryException("acknowledgement from " + partner.id() + " is not signed", null));
        if (!partner.signingCertificates().contains(signer)) {
            throw new DeliveryException("acknowledgement signed by " + signer.getSubjectX500Principal()
                    + ", which is not " + partner.id() + "'s signing certificate", null);
        }
        Acknowledgement ack;
        try {
            AcknowledgementMessageType message = Contract.jaxb().createUnmarshaller()
                    .unmarshal(response, AcknowledgementMessageType.class).getValue();
            ack = AcknowledgementMapper.fromMessage(message);
        } catch (JAXBException | RuntimeException e) {
            throw new DeliveryException("acknowledgement from " + partner.id() + " cannot be read: " + e.getMessage(), e);
        }
        if (!ack.receivedMessageId().equals(messageId)) {
            throw new DeliveryException("acknowledgement from " + partner.id() + " is for " + ack.receivedMessageId()
                    + ", not " + messageId, null);
        }
        return ack;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof ConnectException || root instanceof java.nio.channels.ClosedChannelException) {
            return "connection refused or closed";
        }
        if (root instanceof HttpTimeoutException || root instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    public Partner partner() {
        return partner;
    }
}
