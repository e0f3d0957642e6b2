package org.coconnect.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.validate.NoOpValidator;
import org.w3c.dom.Document;

/**
 * Opens a kept envelope for an evidence export: decrypts it with our encryption key and checks its XML
 * signature, leaving the signature in place so a third party can check it again. The Timestamp's age and
 * the signer's trust are not judged here: they were judged on receipt; the export reports the signer.
 */
public final class EnvelopeOpener {

    /** The decrypted envelope with its signature intact, and who signed it; or why it could not be opened. */
    public record Opened(byte[] decryptedSigned, X509Certificate signer, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private final Crypto crypto;
    private final char[] password;

    public EnvelopeOpener(GatewayKeys keys) {
        this.crypto = MessageCrypto.create(keys);
        this.password = keys.password();
    }

    public Opened open(byte[] envelope) {
        try {
            Document doc = parse(envelope);
            WSSConfig config = WSSConfig.getNewInstance();
            config.setValidator(WSConstants.TIMESTAMP, new NoOpValidator());
            config.setValidator(WSConstants.SIGNATURE, new NoOpValidator());
            RequestData data = new RequestData();
            data.setWssConfig(config);
            data.setDecCrypto(crypto);
            data.setSigVerCrypto(crypto);
            data.setCallbackHandler(passwords());
            WSHandlerResult results = new WSSecurityEngine().processSecurityHeader(doc, data);
            List<WSSecurityEngineResult> signatures = results == null ? List.of()
                    : results.getActionResults().getOrDefault(WSConstants.SIGN, List.of());
            if (signatures.isEmpty()) {
                return new Opened(null, null, "the envelope carries no signature");
            }
            X509Certificate signer = (X509Certificate) signatures.get(0).get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
            return new Opened(serialize(doc), signer, null);
        } catch (Exception e) {
            return new Opened(null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CallbackHandler passwords() {
        return callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(password));
                }
            }
        };
    }

    private static Document parse(byte[] envelope) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
    }

    private static byte[] serialize(Document doc) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        var out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
