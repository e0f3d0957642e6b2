package org.coconnect.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.coconnect.error.ErrorCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A SOAP 1.1 fault carrying one of our codes, written by the listener itself for what never reaches
 * CXF (a gateway still starting, a request Jetty could not parse). The code's fixed text is all it
 * says: no framework, exception or version ever shows.
 */
final class RawSoapFault {

    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private RawSoapFault() {
    }

    /** The envelope; soap:Server for our side (9xxx: retry later), soap:Client for the request's fault. */
    static byte[] envelope(ErrorCode code) {
        String faultCode = code.code().startsWith("CC-9") ? "soap:Server" : "soap:Client";
        return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>" + faultCode + "</faultcode><faultstring>" + code.partnerText()
                + "</faultstring></soap:Fault></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the fault as the whole answer, with the status given. */
    static void write(Response response, Callback callback, int status, ErrorCode code) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(envelope(code)), callback);
    }
}
