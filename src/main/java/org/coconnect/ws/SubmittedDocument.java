package org.coconnect.ws;

import java.nio.charset.StandardCharsets;
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
        PayloadValidator.Checked<T> checked = PayloadValidator.bind(element, type);
        if (!checked.problems().isEmpty()) {
            throw new RejectionException(checked.problems());
        }
        return new Bound<>(checked.value(), new String(PayloadDigest.of(element).canonical(), StandardCharsets.UTF_8));
    }
}
