package org.coconnect.ws;

import jakarta.xml.bind.JAXBException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.w3c.dom.Element;

/** Reads a document our own systems hand over (a CO, a DO): well-formed, the expected root, schema-valid, bound. */
final class SubmittedDocument {

    /** The document bound to its generated type, and its XML in canonical form, as it will be sent. */
    record Bound<T>(T value, String canonicalXml) {
    }

    private SubmittedDocument() {
    }

    /** Throws {@link RejectionException} naming every problem when the document is not a valid {@code root}. */
    static <T> Bound<T> read(String xml, QName root, Class<T> type) {
        Element element;
        try {
            element = OutboundPayloadWriter.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new RejectionException(Problem.error(ErrorCode.MALFORMED_PAYLOAD, e.getMessage(), null));
        }
        if (!root.equals(new QName(element.getNamespaceURI(), element.getLocalName()))) {
            throw new RejectionException(Problem.error(ErrorCode.SCHEMA_INVALID, "The document must be a " + root
                    + ", not {" + element.getNamespaceURI() + "}" + element.getLocalName() + ".", "/"));
        }
        List<Problem> problems = PayloadValidator.validate(element);
        if (!problems.isEmpty()) {
            throw new RejectionException(problems);
        }
        try {
            T value = Contract.jaxb().createUnmarshaller().unmarshal(element, type).getValue();
            return new Bound<>(value, new String(PayloadDigest.of(element).canonical(), StandardCharsets.UTF_8));
        } catch (JAXBException e) {
            throw new RejectionException(Problem.error(ErrorCode.SCHEMA_INVALID, e.getMessage(), "/"));
        }
    }
}
