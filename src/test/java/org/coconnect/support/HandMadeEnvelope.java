package org.coconnect.support;

import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.coconnect.security.WsSecurityProperties;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a SOAP 1.1 request envelope by hand with WSS4J's DOM API, without any WS-Policy, so that
 * tests can leave out or downgrade each part of the message security. The defaults are exactly what
 * the WSDL's policy asks for: a signed Timestamp (5 minutes), an X.509 BinarySecurityToken, the
 * Timestamp and Body signed with RSA-SHA256 / SHA-256 / exclusive C14N, then the Body content
 * encrypted with AES-256-GCM under an RSA-OAEP key for the recipient.
 */
public final class HandMadeEnvelope {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    static {
        WSSConfig.init();
    }

    /** A transform that XML Signature allows but our policy must not: each leaves the CO out of the digest. */
    public enum ExtraTransform { XSLT, XPATH, XPATH_FILTER_2 }

    /** A signing key in a WSS4J crypto. */
    public record Signer(Crypto crypto, String alias, char[] password) {
    }

    private final Element payload;
    private Instant timestampCreated = Instant.now();
    private Duration timestampTtl = Duration.ofMinutes(5);
    private boolean timestamp = true;
    private Signer signer;
    private String signatureAlgorithm = WsSecurityProperties.RSA_SHA256;
    private X509Certificate recipient;
    private String keyTransport = WsSecurityProperties.RSA_OAEP;
    private String contentEncryption = WsSecurityProperties.AES_256_GCM;
    private Consumer<Document> afterSigning = doc -> { };
    private ExtraTransform bodyTransform;

    private HandMadeEnvelope(Element payload) {
        this.payload = payload;
    }

    /** A request carrying this payload in its Body; nothing is signed or encrypted until configured. */
    public static HandMadeEnvelope of(Element payload) {
        return new HandMadeEnvelope(payload);
    }

    public HandMadeEnvelope signedBy(Signer signer) {
        this.signer = signer;
        return this;
    }

    public HandMadeEnvelope signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** The Body reference gets this transform before exclusive C14N (with a digest that matches it). */
    public HandMadeEnvelope bodyTransform(ExtraTransform transform) {
        this.bodyTransform = transform;
        return this;
    }

    public HandMadeEnvelope encryptedFor(X509Certificate recipient) {
        this.recipient = recipient;
        return this;
    }

    public HandMadeEnvelope keyTransport(String algorithm) {
        this.keyTransport = algorithm;
        return this;
    }

    public HandMadeEnvelope contentEncryption(String algorithm) {
        this.contentEncryption = algorithm;
        return this;
    }

    public HandMadeEnvelope timestamp(Instant created, Duration timeToLive) {
        this.timestamp = true;
        this.timestampCreated = created;
        this.timestampTtl = timeToLive;
        return this;
    }

    public HandMadeEnvelope withoutTimestamp() {
        this.timestamp = false;
        return this;
    }

    /** A change made to the signed envelope before the Body is encrypted (e.g. signature wrapping). */
    public HandMadeEnvelope afterSigning(Consumer<Document> change) {
        this.afterSigning = change;
        return this;
    }

    /** The envelope; with no timestamp, signer or recipient it has no security header at all. */
    public Document build() {
        Document doc = bareEnvelope();
        try {
            if (!timestamp && signer == null && recipient == null) {
                return doc;
            }
            var securityHeader = new WSSecHeader(doc);
            securityHeader.insertSecurityHeader();
            if (timestamp) {
                addTimestamp(securityHeader);
            }
            if (signer != null) {
                sign(securityHeader);
            }
            afterSigning.accept(doc);
            if (recipient != null) {
                encrypt(securityHeader);
            }
            return doc;
        } catch (WSSecurityException e) {
            throw new IllegalStateException("test envelope cannot be secured", e);
        }
    }

    public byte[] bytes() {
        return serialize(build());
    }

    private Document bareEnvelope() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().newDocument();
            Element envelope = doc.createElementNS(SOAP11, "soap:Envelope");
            doc.appendChild(envelope);
            envelope.appendChild(doc.createElementNS(SOAP11, "soap:Header"));
            Element body = doc.createElementNS(SOAP11, "soap:Body");
            envelope.appendChild(body);
            body.appendChild(doc.importNode(payload, true));
            return doc;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addTimestamp(WSSecHeader securityHeader) {
        var ts = new WSSecTimestamp(securityHeader);
        ts.setWsTimeSource(() -> timestampCreated);
        ts.setTimeToLive((int) timestampTtl.toSeconds());
        ts.build();
    }

    private void sign(WSSecHeader securityHeader) throws WSSecurityException {
        var signature = bodyTransform == null ? new WSSecSignature(securityHeader) : new TransformingSignature(
                securityHeader, bodyTransform, signer.crypto().getPrivateKey(signer.alias(), new String(signer.password())));
        signature.setUserInfo(signer.alias(), new String(signer.password()));
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(signatureAlgorithm);
        signature.setDigestAlgo(WsSecurityProperties.SHA256);
        signature.setSigCanonicalization(WSS4JConstants.C14N_EXCL_OMIT_COMMENTS);
        if (timestamp) {
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        }
        signature.getParts().add(new WSEncryptionPart("Body", SOAP11, ""));
        signature.build(signer.crypto());
    }

    private void encrypt(WSSecHeader securityHeader) throws WSSecurityException {
        encryptBody(securityHeader, recipient, keyTransport, contentEncryption);
    }

    /**
     * Encrypts the Body of an envelope that is already signed (e.g. a copy taken in {@link #afterSigning}),
     * the way {@link #encryptedFor} does, and serialises it.
     */
    public static byte[] encryptSigned(Document signed, X509Certificate recipient) {
        try {
            var securityHeader = new WSSecHeader(signed);
            securityHeader.insertSecurityHeader();
            encryptBody(securityHeader, recipient, WsSecurityProperties.RSA_OAEP, WsSecurityProperties.AES_256_GCM);
            return serialize(signed);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("test envelope cannot be encrypted", e);
        }
    }

    private static void encryptBody(WSSecHeader securityHeader, X509Certificate recipient, String keyTransport,
                                    String contentEncryption) throws WSSecurityException {
        var encrypt = new WSSecEncrypt(securityHeader);
        encrypt.setUseThisCert(recipient);
        encrypt.setKeyIdentifierType(WSConstants.ISSUER_SERIAL);
        encrypt.setKeyEncAlgo(keyTransport);
        encrypt.setSymmetricEncAlgorithm(contentEncryption);
        encrypt.getParts().add(new WSEncryptionPart("Body", SOAP11, "Content"));
        SecretKey key = KeyUtils.getKeyGenerator(contentEncryption).generateKey();
        encrypt.build(null, key);
    }

    public static byte[] serialize(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
