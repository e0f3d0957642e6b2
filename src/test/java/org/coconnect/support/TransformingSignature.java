package org.coconnect.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilter2ParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.crypto.dsig.spec.XPathType;
import javax.xml.crypto.dsig.spec.XSLTTransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.coconnect.ws.Contract;
import org.w3c.dom.Element;

/**
 * A WS-Security signature whose Body reference carries one more transform before exclusive C14N: an
 * XSLT stylesheet, an XPath filter or an XPath Filter 2.0 subtraction, each leaving the CO out of what is digested. The digest is right
 * for that chain of transforms, so a verifier that ran such transforms would accept the signature, and
 * with it any CO an attacker put in the Body.
 */
final class TransformingSignature extends WSSecSignature {

    private static final String DROP_THE_CO = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:co="%s">
              <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
              <xsl:template match="co:CertificateOfOrigin"/>
            </xsl:stylesheet>""".formatted(Contract.CO_NAMESPACE);

    private final HandMadeEnvelope.ExtraTransform kind;
    private final PrivateKey key;

    TransformingSignature(WSSecHeader header, HandMadeEnvelope.ExtraTransform kind, PrivateKey key) {
        super(header);
        this.kind = kind;
        this.key = key;
    }

    @Override
    public List<Reference> addReferencesToSign(List<WSEncryptionPart> parts) throws WSSecurityException {
        // Adjacent text nodes (left by building the payload) trip the JDK's XPath engine: merge them first.
        getDocument().getDocumentElement().normalize();
        List<Reference> references = new ArrayList<>(super.addReferencesToSign(parts));
        Element body = (Element) getDocument().getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        String bodyUri = "#" + body.getAttributeNS(WSConstants.WSU_NS, "Id");
        for (int i = 0; i < references.size(); i++) {
            if (bodyUri.equals(references.get(i).getURI())) {
                references.set(i, withExtraTransform(references.get(i), body));
            }
        }
        return references;
    }

    private Reference withExtraTransform(Reference plain, Element body) {
        try {
            var transforms = new ArrayList<Transform>();
            transforms.add(extraTransform());
            transforms.addAll(plain.getTransforms());
            Reference unsigned = signatureFactory.newReference(plain.getURI(), plain.getDigestMethod(), transforms, null, null);
            return signatureFactory.newReference(plain.getURI(), plain.getDigestMethod(), transforms, null, null,
                    digestOf(unsigned, body));
        } catch (Exception e) {
            throw new IllegalStateException("the " + kind + " reference cannot be made", e);
        }
    }

    private Transform extraTransform() throws Exception {
        if (kind == HandMadeEnvelope.ExtraTransform.XPATH) {
            return signatureFactory.newTransform(Transform.XPATH, new XPathFilterParameterSpec(
                    "not(ancestor-or-self::co:CertificateOfOrigin)", Map.of("co", Contract.CO_NAMESPACE)));
        }
        if (kind == HandMadeEnvelope.ExtraTransform.XPATH_FILTER_2) {
            return signatureFactory.newTransform(Transform.XPATH2, new XPathFilter2ParameterSpec(List.of(new XPathType(
                    "//co:CertificateOfOrigin", XPathType.Filter.SUBTRACT, Map.of("co", Contract.CO_NAMESPACE)))));
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element stylesheet = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(DROP_THE_CO.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        return signatureFactory.newTransform(Transform.XSLT, new XSLTTransformParameterSpec(new DOMStructure(stylesheet)));
    }

    /**
     * The reference's digest, computed in a throw-away signature: WSS4J signs with secure validation on,
     * under which the XML Security library refuses to run XSLT even for the signer.
     */
    private byte[] digestOf(Reference reference, Element body) throws Exception {
        var info = signatureFactory.newSignedInfo(signatureFactory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), signatureFactory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                List.of(reference));
        Element scratch = getDocument().createElementNS("urn:scratch", "s:Scratch");
        getDocument().getDocumentElement().appendChild(scratch);
        try {
            var context = new DOMSignContext(key, scratch);
            context.setProperty("org.apache.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            context.setIdAttributeNS(body, WSConstants.WSU_NS, "Id");
            signatureFactory.newXMLSignature(info, null).sign(context);
            return reference.getDigestValue();
        } finally {
            getDocument().getDocumentElement().removeChild(scratch);
        }
    }
}
