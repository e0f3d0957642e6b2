package org.coconnect.ws;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Validates a decrypted payload against the CoConnect schemas and binds it in the same walk over its
 * DOM: a JAXB unmarshaller with the schema set, whose event handler records every schema problem with
 * its XPath and lets the walk go on, so a partner still learns every problem at once.
 */
final class PayloadValidator {

    private static final int MAX_PROBLEMS = 100;

    /**
     * The bound payload and the schema problems found while binding it.
     *
     * @param value the bound request, or null when it could not be bound at all; read its content only
     *              when there are no problems (the mappers rely on what the schema requires)
     */
    record Checked<T>(T value, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private PayloadValidator() {
    }

    /** Every schema problem of {@code payload}, which may be any of the contract's global elements. */
    static List<Problem> validate(Element payload) {
        return bind(payload, null).problems();
    }

    /** Validates and binds {@code payload} as {@code type} (or as its root element's type when null) in one pass. */
    static <T> Checked<T> bind(Element payload, Class<T> type) {
        var problems = new ArrayList<Problem>();
        Object value;
        try {
            // A new unmarshaller (and so a new validator handler) per message: a reused validator keeps buffers the
            // size of the largest text it has seen (megabytes for a CO with an attachment), per pooled thread.
            Unmarshaller unmarshaller = Contract.jaxb().createUnmarshaller();
            unmarshaller.setSchema(Contract.schema());
            unmarshaller.setEventHandler(event -> handle(event, problems));
            value = type == null ? unmarshaller.unmarshal(payload) : unmarshaller.unmarshal(payload, type);
        } catch (JAXBException | RuntimeException e) {
            if (problems.isEmpty()) {
                problems.add(Problem.error(ErrorCode.SCHEMA_INVALID, message(e), null));
            }
            return new Checked<>(null, List.copyOf(problems));
        }
        Object bound = value instanceof JAXBElement<?> element ? element.getValue() : value;
        return new Checked<>(type == null ? null : type.cast(bound), List.copyOf(problems));
    }

    /**
     * A schema problem (the validator's, carrying its SAXParseException) is recorded and the walk goes on.
     * JAXB's own remarks on an invalid document (an unexpected element) repeat a schema problem; they are
     * passed over as JAXB's default handler does, and only a fatal one stops the walk.
     */
    private static boolean handle(ValidationEvent event, List<Problem> problems) {
        if (event.getLinkedException() instanceof SAXParseException) {
            if (event.getSeverity() != ValidationEvent.WARNING && problems.size() < MAX_PROBLEMS) {
                problems.add(Problem.error(ErrorCode.SCHEMA_INVALID, event.getMessage(), location(event.getLocator())));
            }
            return true;
        }
        return event.getSeverity() != ValidationEvent.FATAL_ERROR;
    }

    private static String location(ValidationEventLocator locator) {
        Node node = locator == null ? null : locator.getNode();
        while (node != null && node.getNodeType() != Node.ELEMENT_NODE) {
            node = node.getParentNode();
        }
        return XPaths.of(node);
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof JAXBException j && j.getLinkedException() != null ? j.getLinkedException() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
