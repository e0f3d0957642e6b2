package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.coconnect.domain.CertificateOfOrigin;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.coconnect.ws.generated.co.CertificateOfOriginType;
import org.w3c.dom.Element;

/** Reads a CO information package handed over by the issuing system: well-formed, schema-valid, mapped. */
public final class CertificateReader {

    /** The CO as the domain sees it, and its XML in canonical form, as it will be sent. */
    public record Read(CertificateOfOrigin certificate, String xml) {
    }

    private static final QName ROOT = new QName(Contract.CO_NAMESPACE, "CertificateOfOrigin");

    private CertificateReader() {
    }

    /** Throws {@link RejectionException} naming every problem when the document is not a valid CO. */
    public static Read read(String xml) {
        Element root;
        try {
            root = OutboundPayloadWriter.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new RejectionException(Problem.error(ErrorCode.MALFORMED_PAYLOAD, e.getMessage(), null));
        }
        if (!ROOT.equals(new QName(root.getNamespaceURI(), root.getLocalName()))) {
            throw new RejectionException(Problem.error(ErrorCode.SCHEMA_INVALID,
                    "The document must be a " + ROOT + ", not {" + root.getNamespaceURI() + "}" + root.getLocalName() + ".",
                    "/"));
        }
        List<Problem> problems = PayloadValidator.validate(root);
        if (!problems.isEmpty()) {
            throw new RejectionException(problems);
        }
        try {
            CertificateOfOriginType co = Contract.jaxb().createUnmarshaller().unmarshal(root, CertificateOfOriginType.class)
                    .getValue();
            return new Read(InboundMapper.certificate(co),
                    new String(PayloadDigest.of(root).canonical(), StandardCharsets.UTF_8));
        } catch (JAXBException e) {
            throw new RejectionException(Problem.error(ErrorCode.SCHEMA_INVALID, e.getMessage(), "/"));
        }
    }
}
