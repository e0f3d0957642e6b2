package org.coconnect.ws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
    private static final int POOLED_BELOW_BYTES = 256 * 1024;
    private static final BlockingQueue<Validator> POOL = new ArrayBlockingQueue<>(8);

    private PayloadValidator() {
    }

    static List<Problem> validate(Element payload) {
        return validate(payload, Integer.MAX_VALUE);
    }

    /**
     * Validates with a validator from a small pool; it goes back only after a clean pass over a payload under
     * {@link #POOLED_BELOW_BYTES}: a validator keeps buffers the size of the largest text it has seen (megabytes for
     * a CO with an attachment; kept per thread they ran the 5 MB CO out of 256 MB), and one is a fifth of the
     * validation's cost to make.
     *
     * @param payloadBytes the payload's size (its canonical form), which decides whether the validator is kept
     */
    static List<Problem> validate(Element payload, int payloadBytes) {
        Validator pooled = POOL.poll();
        Validator validator = pooled != null ? pooled : Contract.schema().newValidator();
        List<Problem> problems = validate(payload, validator);
        if (problems.isEmpty() && payloadBytes < POOLED_BELOW_BYTES) {
            validator.reset();
            POOL.offer(validator);
        }
        return problems;
    }

    private static List<Problem> validate(Element payload, Validator validator) {
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
