package org.coconnect.ws;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the certificate that WSS4J verified a message signature with (request or response). */
public final class SigningCertificate {

    /** The message does not carry the one signature we bind the sender to. */
    public static final class NotUnique extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUnique(String reason) {
            super(reason);
        }
    }

    private SigningCertificate() {
    }

    /** The certificate of the first verified signature carrying one, if any (answers from partners). */
    public static Optional<X509Certificate> from(Function<String, Object> properties) {
        for (WSSecurityEngineResult action : results(properties, WSConstants.SIGN)) {
            if (action.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE) instanceof X509Certificate x509) {
                return Optional.of(x509);
            }
        }
        return Optional.empty();
    }

    /**
     * The signer of a request, when the message carries exactly one signature, made with the certificate of its
     * BinarySecurityToken and covering both the SOAP Body and the Timestamp WSS4J checked. WSS4J verifies every
     * signature it finds and the policy only asks that Body and Timestamp be signed by some signature: with a second
     * signature by another trusted key, "the first one with a certificate" need not be the one over the Body.
     *
     * @throws NotUnique naming what is missing or extra
     */
    public static X509Certificate soleSigner(Function<String, Object> properties) {
        List<WSSecurityEngineResult> signatures = results(properties, WSConstants.SIGN);
        if (signatures.size() != 1) {
            throw new NotUnique(signatures.size() + " signatures where exactly one is accepted");
        }
        WSSecurityEngineResult signature = signatures.get(0);
        if (!(signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE) instanceof X509Certificate signer)) {
            throw new NotUnique("the signature names no X.509 certificate");
        }
        boolean byToken = results(properties, WSConstants.BST).stream()
                .anyMatch(bst -> signer.equals(bst.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE)));
        if (!byToken) {
            throw new NotUnique("the signature's certificate " + signer.getSubjectX500Principal()
                    + " is not the message's BinarySecurityToken");
        }
        List<Element> covered = coveredElements(signature);
        if (covered.stream().noneMatch(SigningCertificate::isEnvelopeBody)) {
            throw new NotUnique("the signature does not cover the SOAP Body");
        }
        List<WSSecurityEngineResult> timestamps = results(properties, WSConstants.TS);
        boolean timestampCovered = timestamps.size() == 1
                && timestamps.get(0).get(WSSecurityEngineResult.TAG_TIMESTAMP) instanceof Timestamp ts
                && covered.stream().anyMatch(e -> e == ts.getElement());
        if (!timestampCovered) {
            throw new NotUnique("the signature does not cover the message's one Timestamp");
        }
        return signer;
    }

    @SuppressWarnings("unchecked")
    private static List<Element> coveredElements(WSSecurityEngineResult signature) {
        var covered = new ArrayList<Element>();
        if (signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS) instanceof List<?> refs) {
            for (WSDataRef ref : (List<WSDataRef>) refs) {
                if (ref.getProtectedElement() != null) {
                    covered.add(ref.getProtectedElement());
                }
            }
        }
        return covered;
    }

    /** The Body that is a child of the document's Envelope, not a look-alike moved elsewhere. */
    private static boolean isEnvelopeBody(Element element) {
        Node parent = element.getParentNode();
        return "Body".equals(element.getLocalName()) && parent != null
                && parent == element.getOwnerDocument().getDocumentElement()
                && parent.getNamespaceURI() != null && parent.getNamespaceURI().equals(element.getNamespaceURI());
    }

    @SuppressWarnings("unchecked")
    private static List<WSSecurityEngineResult> results(Function<String, Object> properties, int action) {
        var found = new ArrayList<WSSecurityEngineResult>();
        if (properties.apply(WSHandlerConstants.RECV_RESULTS) instanceof List<?> list) {
            for (WSHandlerResult result : (List<WSHandlerResult>) list) {
                found.addAll(result.getActionResults().getOrDefault(action, List.of()));
            }
        }
        return found;
    }
}
