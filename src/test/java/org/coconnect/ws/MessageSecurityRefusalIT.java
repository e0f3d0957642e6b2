package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.transform.dom.DOMSource;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.MessageHeader;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.MessageStore;
import org.coconnect.security.CertificateFactoryBc;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.security.MessageCrypto;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.HandMadeEnvelope.Signer;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Requests that break the message-security policy, built by hand (WSS4J DOM API, no WS-Policy on the
 * sending side) and sent as KR-KCS over the real mutual-TLS connection to a running ID-DJBC gateway.
 * Each must be answered with the generic CC-1000 fault, store nothing, and raise one alert with the
 * specific code. The positive control proves the same builder, with every part right, is ACCEPTED.
 */
class MessageSecurityRefusalIT {

    private static final String REFUSED = "CC-1000 The message failed security processing.";
    /** Signs of a leak in a fault: a qualified Java class name, an exception name or a stack frame. */
    private static final Pattern LEAK = Pattern.compile(
            "(\\b(java|javax|jakarta|org|com|sun)\\.[a-z]+\\.)|Exception|\\bat [a-z]+\\.|\\.java:\\d+");
    private static final AtomicInteger CO_NUMBERS = new AtomicInteger();

    @TempDir
    static Path dir;
    static Gateway id;
    static GatewayConfig krConfig;
    static GatewayKeys krKeys;
    static Crypto krCrypto;
    static Signer kr;
    static X509Certificate idEncryptionCertificate;
    static X509Certificate idSigningCertificate;
    static MutualTlsSoapClient client;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        id = TestGateways.start(configs.get(1));
        krKeys = GatewayKeys.load(krConfig.keystores());
        krCrypto = MessageCrypto.create(krKeys);
        kr = new Signer(krCrypto, GatewayKeys.SIGNING_ALIAS, krKeys.password());
        var idPartner = new PartnerDirectory(krConfig.partners(), krKeys.partners()).byId(TestGateways.ID_ID).orElseThrow();
        idEncryptionCertificate = idPartner.encryptionCertificate();
        idSigningCertificate = idPartner.signingCertificates().get(0);
        client = new MutualTlsSoapClient(krKeys,
                CredentialFiles.readOutbound(krConfig.keystores().outboundCredentials()).get(TestGateways.ID_ID));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    // ---- positive control -------------------------------------------------------------------

    @Test
    void correctlySecuredHandMadeRequestIsAccepted() throws Exception {
        long messagesBefore = storedMessages();
        MutualTlsSoapClient.Response answer = send(secured().bytes());
        assertEquals(200, answer.status(), answer::text);
        Acknowledgement ack = openAcknowledgement(answer.document());
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
        assertEquals(messagesBefore + 1, storedMessages());
    }

    // ---- missing parts ----------------------------------------------------------------------

    @Test
    void noSecurityHeaderAtAll() {
        assertRefused(HandMadeEnvelope.of(sendCoPayload()).withoutTimestamp().bytes(), ErrorCode.POLICY_VIOLATION);
    }

    @Test
    void signedButBodyNotEncrypted() {
        assertRefused(HandMadeEnvelope.of(sendCoPayload()).signedBy(kr).bytes(), ErrorCode.NOT_ENCRYPTED);
    }

    @Test
    void encryptedButNotSigned() {
        assertRefused(HandMadeEnvelope.of(sendCoPayload()).encryptedFor(idEncryptionCertificate).bytes(),
                ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void noTimestamp() {
        assertRefused(secured().withoutTimestamp().bytes(), ErrorCode.TIMESTAMP_INVALID);
    }

    // ---- timestamps -------------------------------------------------------------------------

    @Test
    void expiredTimestamp() {
        var created = Instant.now().minus(Duration.ofHours(1));
        assertRefused(secured().timestamp(created, Duration.ofMinutes(5)).bytes(), ErrorCode.TIMESTAMP_INVALID);
    }

    @Test
    void timestampInTheFuture() {
        var created = Instant.now().plus(Duration.ofHours(1));
        assertRefused(secured().timestamp(created, Duration.ofMinutes(5)).bytes(), ErrorCode.TIMESTAMP_INVALID);
    }

    // ---- tampering and trust ----------------------------------------------------------------

    @Test
    void tamperedEncryptedBodyIsRefusedByGcm() {
        Document doc = secured().build();
        Element body = (Element) doc.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        Element cipherValue = (Element) body.getElementsByTagNameNS(WSConstants.ENC_NS, "CipherValue").item(0);
        byte[] cipher = Base64.getMimeDecoder().decode(cipherValue.getTextContent());
        cipher[cipher.length / 2] ^= 0x01; // inside the ciphertext: after the 12-byte IV, before the 16-byte tag
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(cipher));
        assertRefused(HandMadeEnvelope.serialize(doc), ErrorCode.DECRYPTION_FAILED);
    }

    @Test
    void signedByCertificateFromAnotherCa() throws Exception {
        KeyPair caKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        X509Certificate rogueCa = CertificateFactoryBc.selfSignedCa("CN=Rogue Root CA, O=Rogue", caKeys, Duration.ofDays(30));
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(2048);
        // Same subject as KR's real signing certificate: only the issuing CA differs.
        X509Certificate rogue = CertificateFactoryBc.issue(krKeys.signingCertificate().getSubjectX500Principal().getName(),
                keys, CertificateFactoryBc.Purpose.SIGNING, rogueCa, caKeys.getPrivate(), Duration.ofDays(30));
        char[] password = "rogue".toCharArray();
        KeyStore store = KeyStores.empty();
        store.setKeyEntry(GatewayKeys.SIGNING_ALIAS, keys.getPrivate(), password, new Certificate[] {rogue, rogueCa});
        var crypto = new Merlin();
        crypto.setKeyStore(store);
        var rogueSigner = new Signer(crypto, GatewayKeys.SIGNING_ALIAS, password);
        assertRefused(secured().signedBy(rogueSigner).bytes(), ErrorCode.CERTIFICATE_NOT_TRUSTED);
    }

    // ---- downgraded algorithms --------------------------------------------------------------

    @Test
    void rsa15KeyTransport() {
        assertRefused(secured().keyTransport(WSS4JConstants.KEYTRANSPORT_RSA15).bytes(), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aes256CbcContentEncryption() {
        assertRefused(secured().contentEncryption(WSS4JConstants.AES_256).bytes(), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsaSha1Signature() {
        assertRefused(secured().signatureAlgorithm(WSS4JConstants.RSA_SHA1).bytes(), ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    // ---- XML Signature Wrapping -------------------------------------------------------------

    /**
     * The signed Body moves into a header wrapper; a forged Body (no wsu:Id), encrypted for ID, takes its
     * place. CXF stops reading the header at the wrapped soap:Body, so the real, encrypted Body is never
     * found: refused as a broken message (the EncryptedKey's DataReference points at nothing).
     */
    @Test
    void signatureWrappingWithSignedBodyMovedToHeader() {
        assertRefused(secured().afterSigning(doc -> wrapSignedBody(doc, Wrapping.MOVED_TO_HEADER)).bytes(),
                ErrorCode.POLICY_VIOLATION);
    }

    /** The signed Body is nested, under a wrapper, in a forged Body without wsu:Id: the signature verifies, but not over the Body. */
    @Test
    void signatureWrappingWithSignedBodyNestedInForgedBody() {
        assertRefused(secured().afterSigning(doc -> wrapSignedBody(doc, Wrapping.NESTED_IN_BODY)).bytes(),
                ErrorCode.SIGNATURE_INVALID);
    }

    /** As nested, but the forged Body keeps the signed Body's wsu:Id: two elements carry the referenced Id. */
    @Test
    void signatureWrappingWithDuplicateBodyId() {
        assertRefused(secured().afterSigning(doc -> wrapSignedBody(doc, Wrapping.DUPLICATE_ID)).bytes(),
                ErrorCode.SIGNATURE_INVALID);
    }

    private enum Wrapping { MOVED_TO_HEADER, NESTED_IN_BODY, DUPLICATE_ID }

    /** Copies the signed Body into an attacker's wrapper element and swaps a forged payload into the real Body. */
    private static void wrapSignedBody(Document doc, Wrapping wrapping) {
        Element body = (Element) doc.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        Element wrapper = doc.createElementNS("urn:attacker", "x:Wrapper");
        wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", "urn:attacker");
        wrapper.appendChild(body.cloneNode(true));
        if (wrapping != Wrapping.DUPLICATE_ID) {
            body.removeAttributeNS(WSConstants.WSU_NS, "Id");
        }
        body.replaceChild(doc.importNode(sendCoPayload(), true), body.getFirstChild());
        if (wrapping == Wrapping.MOVED_TO_HEADER) {
            doc.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Header").item(0).appendChild(wrapper);
        } else {
            body.appendChild(wrapper);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Everything right: signed Timestamp and Body (KR's key), Body encrypted for ID. */
    private static HandMadeEnvelope secured() {
        return HandMadeEnvelope.of(sendCoPayload()).signedBy(kr).encryptedFor(idEncryptionCertificate);
    }

    /** A valid send-co payload from KR to ID, with a fresh message ID and CO number. */
    private static Element sendCoPayload() {
        var header = new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        var co = SampleCertificate.create("KR-SEC-" + CO_NUMBERS.incrementAndGet(), 1, "KR", "ID", 2,
                Instant.now().minusSeconds(60));
        return RequestBuilder.sendCo(header, co);
    }

    private static MutualTlsSoapClient.Response send(byte[] envelope) {
        return client.post(URI.create(id.baseUrl() + "/send-co"), "urn:coconnect:send-co", envelope);
    }

    private static void assertRefused(byte[] envelope, ErrorCode expected) {
        var before = GatewaySnapshot.of(id);
        long messages = storedMessages();
        long certificates = storedCertificates();
        MutualTlsSoapClient.Response answer = send(envelope);
        assertEquals(500, answer.status(), answer::text);
        assertEquals(REFUSED, answer.faultString(), answer::text);
        assertFalse(LEAK.matcher(answer.text()).find(), () -> "fault leaks internals: " + answer.text());
        assertEquals(messages, storedMessages(), "a refused request was stored");
        assertEquals(certificates, storedCertificates(), "a refused request changed CO state");
        assertEquals(List.of(expected.code()), before.alertCodesSince(), "alert codes raised for this request");
    }

    private static long storedMessages() {
        return id.database().inTransaction(MessageStore::count);
    }

    private static long storedCertificates() {
        return id.database().inTransaction(em -> (long) CertificateStore.all(em).size());
    }

    /** Decrypts and verifies ID's answer with KR's keys, checks ID signed it, and reads the acknowledgement. */
    private static Acknowledgement openAcknowledgement(Document answer) throws Exception {
        CallbackHandler passwords = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(krKeys.password()));
                }
            }
        };
        WSHandlerResult results = new WSSecurityEngine().processSecurityHeader(answer, null, passwords, krCrypto, krCrypto);
        var signer = results.getActionResults().get(WSConstants.SIGN).get(0).get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        assertEquals(idSigningCertificate, signer, "answer not signed with ID's signing certificate");
        Element body = (Element) answer.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        Element response = (Element) body.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "send-co-response").item(0);
        assertNull(body.getElementsByTagNameNS(WSConstants.ENC_NS, "EncryptedData").item(0), "answer still encrypted");
        AcknowledgementMessageType message = Contract.jaxb().createUnmarshaller()
                .unmarshal(new DOMSource(response), AcknowledgementMessageType.class).getValue();
        return AcknowledgementMapper.fromMessage(message);
    }
}
