package org.coconnect.ws;

import java.nio.ByteBuffer;
import org.coconnect.error.ErrorCode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces Jetty's error page (which names the exception and "Powered by Jetty://" with its version)
 * on the partner listener: every error Jetty answers itself, for an unknown path, a request it cannot
 * parse or an exception outside CXF, gets a SOAP fault with one of our codes and nothing else (a JSON problem
 * under /json/).
 */
final class ListenerErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        ListenerRefusal.write(request, response, callback, status, codeFor(status));
        return true;
    }

    /** A request Jetty rejected while parsing it, before any handler ran (bad request line, huge header). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, RawSoapFault.CONTENT_TYPE);
        return ByteBuffer.wrap(RawSoapFault.envelope(codeFor(status)));
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NO_SUCH_ADDRESS;
            case 405, 415 -> ErrorCode.WRONG_HTTP_REQUEST;
            case 413 -> ErrorCode.PAYLOAD_LIMIT_EXCEEDED;
            case 503 -> ErrorCode.NOT_SERVING;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.HTTP_REQUEST_MALFORMED;
        };
    }
}
