package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.coconnect.domain.DeclarationOfOrigin;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.coconnect.ws.generated.declaration.DeclarationOfOriginType;
import org.w3c.dom.Element;

/** Reads a Declaration of Origin handed over by the exporter's system: well-formed, schema-valid, mapped. */
public final class DeclarationReader {

    /** The DO as the domain sees it, and its XML in canonical form, as it will be sent. */
    public record Read(DeclarationOfOrigin declaration, String xml) {
    }

    private static final QName ROOT = new QName(Contract.DO_NAMESPACE, "DeclarationOfOrigin");

    private DeclarationReader() {
    }

    /** Throws {@link RejectionException} naming every problem when the document is not a valid DO. */
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
            DeclarationOfOriginType d = Contract.jaxb().createUnmarshaller().unmarshal(root, DeclarationOfOriginType.class)
                    .getValue();
            return new Read(DeclarationMapper.declaration(d),
                    new String(PayloadDigest.of(root).canonical(), StandardCharsets.UTF_8));
        } catch (JAXBException e) {
            throw new RejectionException(Problem.error(ErrorCode.SCHEMA_INVALID, e.getMessage(), "/"));
        }
    }
}
