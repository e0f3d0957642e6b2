package org.coconnect.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.coconnect.error.ErrorCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The JSON binding's counterpart of {@link RawSoapFault}: the listener's own answer to a request under /json/ that
 * never reaches CXF (a gateway still starting, an unknown path), in the problem shape JsonEndpoint answers with, so a
 * JSON partner reads the code without parsing a SOAP envelope.
 */
final class RawJsonProblem {

    static final String CONTENT_TYPE = "application/json";

    private RawJsonProblem() {
    }

    /** Whether the request is addressed to the JSON binding, which then answers in JSON. */
    static boolean wanted(Request request) {
        String path = Request.getPathInContext(request);
        return path.equals("/" + JsonServer.PATH) || path.startsWith("/" + JsonServer.PATH + "/");
    }

    /** The problem document; the code's fixed text is all it says. */
    static byte[] body(ErrorCode code) {
        var problem = new LinkedHashMap<String, String>();
        problem.put("code", code.code());
        problem.put("text", code.partnerText());
        return JsonCodec.mapper().valueToTree(problem).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the problem as the whole answer, with the status given. */
    static void write(Response response, Callback callback, int status, ErrorCode code) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }
}
