package org.coconnect.ws;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;

/**
 * After the transport checks, before the body is read: only what this address serves gets through,
 * an HTTP POST of a SOAP 1.1 envelope ({@code Content-Type: text/xml}) whose SOAPAction, when there is
 * one, names this address's operation, or a GET of the contract ({@code ?wsdl}, {@code ?xsd=...}).
 * CXF alone would process a SOAP envelope sent as {@code application/json} or with no Content-Type,
 * and answer a wrong method or SOAPAction with "retry later". Refusals: CC-2005 (HTTP 405 or 415) and
 * CC-2003, each with an alert.
 */
public final class SoapRequestGuard extends AbstractPhaseInterceptor<Message> {

    private static final String SOAP_11_MEDIA_TYPE = "text/xml";
    private final String pathName;
    private final String action;

    public SoapRequestGuard(Operation operation) {
        this(operation.pathName(), Contract.soapAction(operation));
    }

    /** For an address that serves no {@link Operation}, e.g. the verify-co lookup. */
    public SoapRequestGuard(String pathName, String soapAction) {
        super(Phase.RECEIVE);
        addAfter(TransportAuthenticator.class.getName());
        addBefore(RawEnvelopeInterceptor.class.getName());
        this.pathName = pathName;
        this.action = soapAction;
    }

    @Override
    public void handleMessage(Message message) {
        String method = String.valueOf(message.get(Message.HTTP_REQUEST_METHOD));
        if ("GET".equals(method) && asksForContract((String) message.get(Message.QUERY_STRING))) {
            return;
        }
        if (!"POST".equals(method)) {
            throw refuse(405, ErrorCode.WRONG_HTTP_REQUEST, "HTTP " + method + " at /" + pathName);
        }
        String contentType = (String) message.get(Message.CONTENT_TYPE);
        if (!SOAP_11_MEDIA_TYPE.equals(mediaType(contentType))) {
            throw refuse(415, ErrorCode.WRONG_HTTP_REQUEST, "Content-Type " + contentType + " at /" + pathName);
        }
        String action = soapAction(message);
        if (!action.isEmpty() && !action.equals(this.action)) {
            throw refuse(500, ErrorCode.WRONG_OPERATION, "SOAPAction " + action + " at /" + pathName);
        }
    }

    /** CXF serves the WSDL and its schemas for ?wsdl, ?wsdl=..., ?xsd=... (WSDLGetInterceptor). */
    private static boolean asksForContract(String query) {
        if (query == null) {
            return false;
        }
        String first = query.split("&", 2)[0].split("=", 2)[0].toLowerCase(Locale.ROOT);
        return first.equals("wsdl") || first.equals("xsd");
    }

    /** The media type without parameters, lower case; empty when there is none. */
    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The SOAPAction header without its quotes; empty when absent (SOAP 1.1 lets the header be empty). */
    private static String soapAction(Message message) {
        var request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        String value = request == null ? null : request.getHeader("SOAPAction");
        if (value == null) {
            return "";
        }
        value = value.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static Fault refuse(int status, ErrorCode code, String detail) {
        var fault = new Fault(new GatewayFault(code, detail));
        fault.setStatusCode(status);
        return fault;
    }
}
