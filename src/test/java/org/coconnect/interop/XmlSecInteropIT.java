package org.coconnect.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.MessageHeader;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.HandMadeEnvelope.Signer;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.support.XmlSec1;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Our messages checked by another XML Security implementation, xmlsec1 (libxmlsec1 with OpenSSL),
 * with nothing but the PEM keys a partner would hold. AES-256-GCM, RSA-OAEP (MGF1-SHA1), RSA-SHA256,
 * SHA-256 and exclusive C14N all work in xmlsec1 as we use them. The one thing it cannot do is follow
 * a WS-Security SecurityTokenReference (a WSS 1.1 construct, not XML Encryption) from the EncryptedData
 * to the EncryptedKey in the security header; the decryption tests rewrite that one KeyInfo child to
 * XML Encryption's own ds:RetrievalMethod with the same URI, and a test pins the limitation.
 */
class XmlSecInteropIT {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    /** The signature covers the Body and the Timestamp, both referenced by wsu:Id, which xmlsec1 must be told is an ID. */
    private static final List<String> WSU_IDS = List.of("--id-attr:Id", HandMadeEnvelope.SOAP11 + ":Body",
            "--id-attr:Id", WSU + ":Timestamp");
    private static final Pattern TOKEN_REFERENCE = Pattern.compile(
            "<wsse:SecurityTokenReference [^>]*><wsse:Reference URI=\"(#EK-[^\"]+)\"/></wsse:SecurityTokenReference>");

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static GatewayKeys krKeys;
    static GatewayConfig krConfig;
    static Crypto krCrypto;
    static Path idCertificatePem;
    static Path idPrivateKeyPem;
    static Path krCertificatePem;

    @BeforeAll
    static void start() {
        assumeTrue(XmlSec1.installed(), "xmlsec1 is not installed here (apt-get install xmlsec1; .ci/run installs it)");
        List<GatewayConfig> configs = TestGateways.configs(dir);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
        krKeys = GatewayKeys.load(configs.get(0).keystores());
        krConfig = configs.get(0);
        krCrypto = MessageCrypto.create(krKeys);
        GatewayKeys idKeys = GatewayKeys.load(configs.get(1).keystores());
        // What a partner holds as files: ID's signing certificate and encryption key, exported from the test PKCS#12.
        idCertificatePem = XmlSec1.writePem(idKeys.signingCertificate(), dir.resolve("id-signing-cert.pem"));
        idPrivateKeyPem = XmlSec1.writePem(idKeys.encryptionKey(), dir.resolve("id-encryption-key.pem"));
        krCertificatePem = XmlSec1.writePem(krKeys.signingCertificate(), dir.resolve("kr-signing-cert.pem"));
    }

    @AfterAll
    static void stop() {
        for (Gateway g : new Gateway[] {kr, id}) {
            if (g != null) {
                g.close();
            }
        }
    }

    // ---- (a) the signed acknowledgement ---------------------------------------------------------

    @Test
    void xmlsec1VerifiesTheSignatureOnOurAcknowledgement() throws Exception {
        Document ack = decryptedAcknowledgement();
        assertEquals("ACCEPTED", text(ack, "Status"), "the answer is an acceptance");
        XmlSec1.Result result = verify(write(ack, "ack.xml"), idCertificatePem);
        assertTrue(result.succeeded(), result::output);
        assertTrue(result.output().contains("OK"), result::output);
    }

    /** The negative control: xmlsec1 really checks the signed Body, so a changed status fails. */
    @Test
    void xmlsec1RefusesOurAcknowledgementOnceItsStatusIsChanged() throws Exception {
        Document ack = decryptedAcknowledgement();
        ack.getElementsByTagNameNS("urn:coconnect:messages:1", "Status").item(0).setTextContent("REJECTED");
        XmlSec1.Result result = verify(write(ack, "ack-tampered.xml"), idCertificatePem);
        assertFalse(result.succeeded(), result::output);
    }

    // ---- (b) a message our client sends ---------------------------------------------------------

    @Test
    void xmlsec1DecryptsWhatOurClientSendsWithThePartnersKey() throws Exception {
        String number = "KR-XMLSEC-" + UUID.randomUUID();
        byte[] captured = sendFromKrAndCapture(number);
        XmlSec1.Result result = decrypt(write(withRetrievalMethod(captured), "request.xml"), dir.resolve("request-plain.xml"));
        assertTrue(result.succeeded(), result::output);
        String plain = Files.readString(dir.resolve("request-plain.xml"));
        assertTrue(plain.contains("<m:send-co ") && plain.contains(number), plain);
    }

    @Test
    void xmlsec1VerifiesOurClientsSignatureOnceDecrypted() throws Exception {
        byte[] captured = sendFromKrAndCapture("KR-XMLSEC-" + UUID.randomUUID());
        Path plain = dir.resolve("signed-request-plain.xml");
        assertTrue(decrypt(write(withRetrievalMethod(captured), "signed-request.xml"), plain).succeeded());
        XmlSec1.Result result = verify(plain, krCertificatePem);
        assertTrue(result.succeeded(), result::output);
    }

    /** Pins the one limitation: unmodified, the EncryptedData's key is out of xmlsec1's reach. */
    @Test
    void xmlsec1CannotFollowTheWsSecurityTokenReferenceToTheEncryptedKey() throws Exception {
        byte[] captured = sendFromKrAndCapture("KR-XMLSEC-" + UUID.randomUUID());
        XmlSec1.Result result = decrypt(write(captured, "request-as-sent.xml"), dir.resolve("never.xml"));
        assertFalse(result.succeeded(), result::output);
        assertTrue(result.output().contains("key is not found"), result::output);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Sends a send-co with KR's own client and returns the envelope exactly as ID's gateway received it. */
    private static byte[] sendFromKrAndCapture(String coNumber) throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        MessageHeader header = client.newHeader(UUID.randomUUID(), null);
        Acknowledgement ack = client.sendCertificate(header,
                SampleCertificate.create(coNumber, 1, "KR", "ID", 1, Instant.now().minusSeconds(60)));
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status());
        return StoredRows.messages(id).stream().filter(m -> m.messageId().equals(header.messageId().toString()))
                .findFirst().orElseThrow().rawEnvelope();
    }

    /** Rewrites the EncryptedData's wsse:SecurityTokenReference to ds:RetrievalMethod (same URI); nothing else changes. */
    private static byte[] withRetrievalMethod(byte[] envelope) {
        String text = new String(envelope, StandardCharsets.UTF_8);
        int body = text.indexOf("<soap:Body");
        Matcher m = TOKEN_REFERENCE.matcher(text);
        assertTrue(m.find(body), "no SecurityTokenReference to an EncryptedKey in the Body");
        String rewritten = text.substring(0, m.start()) + "<ds:RetrievalMethod Type=\"" + XENC + "EncryptedKey\" URI=\""
                + m.group(1) + "\"/>" + text.substring(m.end());
        return rewritten.getBytes(StandardCharsets.UTF_8);
    }

    /** A send-co from KR to ID, secured by hand as the policy asks, answered by ID and decrypted with KR's key. */
    private static Document decryptedAcknowledgement() throws Exception {
        var header = new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        Element payload = RequestBuilder.sendCo(header, SampleCertificate.create("KR-XMLSEC-" + UUID.randomUUID(), 1,
                "KR", "ID", 1, Instant.now().minusSeconds(60)));
        var signer = new Signer(krCrypto, GatewayKeys.SIGNING_ALIAS, krKeys.password());
        var idCertificate = kr.client(TestGateways.ID_ID).partner().encryptionCertificate();
        byte[] request = HandMadeEnvelope.of(payload).signedBy(signer).encryptedFor(idCertificate).bytes();
        MutualTlsSoapClient.Response answer = MutualTlsSoapClient.asPartner(krConfig, TestGateways.ID_ID)
                .post(URI.create(id.baseUrl() + "/send-co"), "urn:coconnect:send-co", request);
        assertEquals(200, answer.status(), answer::text);
        Document doc = answer.document();
        // As a partner with WSS4J would: decrypt in place; the Signature element stays as it came.
        new WSSecurityEngine().processSecurityHeader(doc, null, passwords(), krCrypto, krCrypto);
        return doc;
    }

    private static CallbackHandler passwords() {
        return callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(krKeys.password()));
                }
            }
        };
    }

    private static XmlSec1.Result verify(Path file, Path signerCertificate) {
        List<String> args = new ArrayList<>(List.of("verify", "--pubkey-cert-pem", signerCertificate.toString()));
        args.addAll(WSU_IDS);
        args.add(file.toString());
        return XmlSec1.run(args);
    }

    private static XmlSec1.Result decrypt(Path file, Path output) {
        return XmlSec1.run(List.of("decrypt", "--privkey-pem", idPrivateKeyPem.toString(), "--id-attr:Id",
                XENC + ":EncryptedKey", "--output", output.toString(), file.toString()));
    }

    private static String text(Document doc, String localName) {
        return doc.getElementsByTagNameNS("urn:coconnect:messages:1", localName).item(0).getTextContent();
    }

    private static Path write(Document doc, String name) throws Exception {
        return write(HandMadeEnvelope.serialize(doc), name);
    }

    private static Path write(byte[] content, String name) throws Exception {
        return Files.write(dir.resolve(name), content);
    }
}
