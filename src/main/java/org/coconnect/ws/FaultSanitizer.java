package org.coconnect.ws;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ExchangeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stop of every fault we send: the partner gets one of our codes and its fixed text, never an
 * exception message or stack trace; the log and an alert get the specific code and the detail.
 */
public final class FaultSanitizer extends AbstractPhaseInterceptor<SoapMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSanitizer.class);
    private static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");
    private static final QName SERVER = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server");
    private final Alerts alerts;
    private final ExchangeMetrics metrics;
    private final Operation operation;

    /**
     * One per endpoint, so that a refusal is counted under the operation whose address received it;
     * null for the verify-co lookup, which is no exchanged message and is not counted.
     */
    public FaultSanitizer(Alerts alerts, ExchangeMetrics metrics, Operation operation) {
        super(Phase.PRE_STREAM);
        this.alerts = alerts;
        this.metrics = metrics;
        this.operation = operation;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        if (!(exception instanceof Fault fault)) {
            return;
        }
        Refusal refusal = classify(fault);
        if (operation != null) {
            metrics.received(operation, refusal.code().code());
        }
        String path = String.valueOf(message.getExchange().getInMessage() == null ? null
                : message.getExchange().getInMessage().get(org.apache.cxf.message.Message.PATH_INFO));
        String detail = refusal.code().code() + " on " + path + ": " + SecurityFailureClassifier.fullText(fault).strip();
        if (refusal.partnerCode() == ErrorCode.INTERNAL_ERROR) {
            LOG.error("{}", detail, fault);
        } else {
            alerts.raiseRefusal(refusal.code(), source(message.getExchange().getInMessage()), null, null, "Refused: " + detail);
        }
        fault.setMessage(refusal.partnerCode().partnerText());
        fault.setFaultCode(refusal.partnerCode() == ErrorCode.INTERNAL_ERROR ? SERVER : CLIENT);
        if (fault instanceof SoapFault soapFault) {
            soapFault.setSubCodes(null);
        }
        fault.setDetail(null);
        if (fault.getStatusCode() == 401) {
            // RFC 9110: a 401 names the scheme it expects.
            responseHeaders(message).put("WWW-Authenticate", java.util.List.of("Basic realm=\"CoConnect\""));
        } else if (fault.getStatusCode() == 405) {
            // RFC 9110: a 405 lists the methods the resource serves.
            responseHeaders(message).put("Allow", java.util.List.of("POST"));
        }
        if (fault.getStatusCode() == 413 || fault.getStatusCode() == 429 || fault.getStatusCode() == 503) {
            // Refused before its body was read: closing the connection spares reading (and decrypting) the rest.
            responseHeaders(message).put("Connection", java.util.List.of("close"));
        }
    }

    /** Who was refused, for coalescing repeats: the partner the transport authenticated, else the client address. */
    private static String source(org.apache.cxf.message.Message in) {
        if (in == null) {
            return "unknown";
        }
        if (in.get(TransportAuthenticator.TRANSPORT_PARTNER) instanceof String partner) {
            return "partner " + partner;
        }
        if (in.get(TransportAuthenticator.SOURCE_ADDRESS) instanceof String address) {
            return "address " + address;
        }
        var request = (jakarta.servlet.http.HttpServletRequest) in.get(
                org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
        return request == null ? "unknown" : "address " + request.getRemoteAddr();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, java.util.List<String>> responseHeaders(SoapMessage message) {
        return (java.util.Map<String, java.util.List<String>>) message.computeIfAbsent(
                org.apache.cxf.message.Message.PROTOCOL_HEADERS, k -> new java.util.TreeMap<String, java.util.List<String>>(
                        String.CASE_INSENSITIVE_ORDER));
    }

    private record Refusal(ErrorCode code, ErrorCode partnerCode) {
    }

    private static Refusal classify(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof GatewayFault g) {
                return new Refusal(g.code(), g.partnerCode());
            }
        }
        String text = SecurityFailureClassifier.fullText(fault);
        if (text.contains("limit") && (text.contains("exceeded") || text.contains("maximum"))) {
            return new Refusal(ErrorCode.PAYLOAD_LIMIT_EXCEEDED, ErrorCode.PAYLOAD_LIMIT_EXCEEDED);
        }
        // CXF's words for a body that is XML but no SOAP 1.1 envelope: the request's fault, not ours.
        if (text.contains("doctype") || text.contains("dtd") || text.contains("you must send a soap message")
                || text.contains("is not a valid soap version")) {
            return new Refusal(ErrorCode.MALFORMED_PAYLOAD, ErrorCode.MALFORMED_PAYLOAD);
        }
        // First what WSS4J refused: decrypted content that does not parse stays a security failure, so that a
        // CBC partner cannot tell a padding error from a parse error (the padding-oracle attack on XML Encryption).
        ErrorCode security = SecurityFailureClassifier.fromSecurityEngine(fault);
        if (security != null) {
            return new Refusal(security, ErrorCode.SECURITY_FAILURE);
        }
        // Then an envelope that does not parse, before CXF's policy words: the parser quotes the broken element's
        // name, and "unexpected close tag </wsse:Security>" is no policy violation.
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException || String.valueOf(t.getMessage()).contains("DOCTYPE") || thrownByParser(t)) {
                return new Refusal(ErrorCode.MALFORMED_PAYLOAD, ErrorCode.MALFORMED_PAYLOAD);
            }
        }
        security = SecurityFailureClassifier.fromPolicyText(fault);
        if (security != null) {
            return new Refusal(security, ErrorCode.SECURITY_FAILURE);
        }
        return new Refusal(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR);
    }

    /**
     * Woodstox also refuses some broken input with an unchecked exception, e.g. an undeclared entity reference
     * that CXF's header reader then asks about as if it were a processing instruction.
     */
    private static boolean thrownByParser(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t instanceof RuntimeException && frames.length > 0 && frames[0].getClassName().startsWith("com.ctc.wstx.");
    }
}
