package org.coconnect.ws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates a decrypted payload against the CoConnect schemas and reports every error with its XPath. */
final class PayloadValidator {

    /** Xerces (the JDK's validator) exposes the element being validated under this property. */
    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final int MAX_PROBLEMS = 100;

    private PayloadValidator() {
    }

    static List<Problem> validate(Element payload) {
        // A new validator per message: a reused one keeps buffers the size of the largest text it has seen
        // (megabytes for a CO with an attachment), per pooled thread; the 5 MB CO then ran out of 256 MB.
        Validator validator = Contract.schema().newValidator();
        var problems = new ArrayList<Problem>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Schema warnings are not problems of the message.
            }

            @Override
            public void error(SAXParseException e) {
                record(e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                record(e);
            }

            private void record(SAXParseException e) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(Problem.error(ErrorCode.SCHEMA_INVALID, e.getMessage(), currentLocation(validator)));
                }
            }
        });
        try {
            validator.validate(new DOMSource(payload));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(Problem.error(ErrorCode.SCHEMA_INVALID, e.getMessage(), null));
            }
        } catch (IOException e) {
            throw new IllegalStateException("validation of an in-memory document failed", e);
        }
        return problems;
    }

    private static String currentLocation(Validator validator) {
        try {
            return XPaths.of((Node) validator.getProperty(CURRENT_NODE));
        } catch (SAXException e) {
            return null;
        }
    }
}
