package org.coconnect.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.transform.dom.DOMSource;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.ws.AcknowledgementMapper;
import org.coconnect.ws.Contract;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * KR-KCS as the sender of hand-made requests to ID-DJBC: its message key as a signer, its mutual-TLS
 * client with its Basic login, ID's message certificate to encrypt for, valid payloads, and the
 * opening of ID's signed and encrypted answers.
 */
public final class SendingPartner {

    private static final AtomicInteger CO_NUMBERS = new AtomicInteger();

    private final GatewayKeys keys;
    private final Crypto crypto;
    private final HandMadeEnvelope.Signer signer;
    private final X509Certificate idEncryptionCertificate;
    private final X509Certificate idSigningCertificate;
    private final MutualTlsSoapClient client;

    private SendingPartner(GatewayConfig kr) {
        keys = GatewayKeys.load(kr.keystores());
        crypto = MessageCrypto.create(keys);
        signer = new HandMadeEnvelope.Signer(crypto, GatewayKeys.SIGNING_ALIAS, keys.password());
        Partner id = new PartnerDirectory(kr.partners(), keys.partners()).byId(TestGateways.ID_ID).orElseThrow();
        idEncryptionCertificate = id.encryptionCertificate();
        idSigningCertificate = id.signingCertificates().get(0);
        client = new MutualTlsSoapClient(keys,
                CredentialFiles.readOutbound(kr.keystores().outboundCredentials()).get(TestGateways.ID_ID));
    }

    /** KR as configured in {@code kr} (the first of {@link TestGateways#configs}). */
    public static SendingPartner kr(GatewayConfig kr) {
        return new SendingPartner(kr);
    }

    public GatewayKeys keys() {
        return keys;
    }

    public HandMadeEnvelope.Signer signer() {
        return signer;
    }

    /** What a request to ID is encrypted for. */
    public X509Certificate idEncryptionCertificate() {
        return idEncryptionCertificate;
    }

    /** What ID signs its answers with. */
    public X509Certificate idSigningCertificate() {
        return idSigningCertificate;
    }

    public MutualTlsSoapClient client() {
        return client;
    }

    /** A valid send-co payload from KR to ID, with a fresh message ID and CO number. */
    public static Element sendCoPayload() {
        return sendCoPayload(UUID.randomUUID(), TestGateways.KR, "KR");
    }

    /** A valid send-co payload from {@code sender} (whose country issues the CO) to ID, with a fresh CO number. */
    public static Element sendCoPayload(UUID messageId, AdministrationId sender, String issuingCountry) {
        var header = new MessageHeader(messageId, sender, TestGateways.ID, Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        var co = SampleCertificate.create(issuingCountry + "-ATTACK-" + CO_NUMBERS.incrementAndGet(), 1, issuingCountry,
                "ID", 2, Instant.now().minusSeconds(60));
        return RequestBuilder.sendCo(header, co);
    }

    /** Everything right: signed Timestamp and Body (KR's signing key), Body encrypted for ID's encryption certificate. */
    public HandMadeEnvelope secured(Element payload) {
        return HandMadeEnvelope.of(payload).signedBy(signer).encryptedFor(idEncryptionCertificate);
    }

    /** POSTs an envelope to one of ID's operations, with that operation's SOAPAction. */
    public MutualTlsSoapClient.Response post(Gateway id, String operationPath, byte[] envelope) {
        return client.post(URI.create(id.baseUrl() + "/" + operationPath), "urn:coconnect:" + operationPath, envelope);
    }

    /** Decrypts and verifies ID's answer with KR's keys, checks ID signed it, and reads the acknowledgement. */
    public Acknowledgement openAcknowledgement(Document answer, String operationPath) throws Exception {
        assertEquals(idSigningCertificate, openSecured(answer, new HandMadeEnvelope.Signer(crypto, GatewayKeys.SIGNING_ALIAS,
                keys.password())), "answer not signed with ID's signing certificate");
        Element body = (Element) answer.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        assertNull(body.getElementsByTagNameNS(WSConstants.ENC_NS, "EncryptedData").item(0), "answer still encrypted");
        Element response = (Element) body.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE,
                operationPath + "-response").item(0);
        AcknowledgementMessageType message = Contract.jaxb().createUnmarshaller()
                .unmarshal(new DOMSource(response), AcknowledgementMessageType.class).getValue();
        return AcknowledgementMapper.fromMessage(message);
    }

    /**
     * The answer as a document, verified and decrypted with this key first when ID secured it: a fault
     * to a request that passed WS-Security is signed and encrypted too, for the encryption certificate of
     * the partner whose connection it came over.
     */
    public static Document opened(MutualTlsSoapClient.Response answer, HandMadeEnvelope.Signer recipient) throws Exception {
        Document document = answer.document();
        if (document.getElementsByTagNameNS(WSConstants.WSSE_NS, "Security").getLength() > 0) {
            openSecured(document, recipient);
        }
        return document;
    }

    /**
     * Verifies and decrypts, in place, an answer that ID signed and encrypted for the holder of this key
     * (a fault to a request that passed WS-Security is secured too); returns the certificate that signed it.
     */
    public static X509Certificate openSecured(Document answer, HandMadeEnvelope.Signer recipient) throws Exception {
        CallbackHandler passwords = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(recipient.password()));
                }
            }
        };
        WSHandlerResult results = new WSSecurityEngine().processSecurityHeader(answer, null, passwords,
                recipient.crypto(), recipient.crypto());
        assertNotNull(results, "the answer is not secured");
        return (X509Certificate) results.getActionResults().get(WSConstants.SIGN).get(0)
                .get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
    }
}
