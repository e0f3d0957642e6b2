package org.coconnect.ws;

import org.coconnect.error.ErrorCode;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The listener's own refusal in the binding the request was addressed to: a JSON problem under /json/, else SOAP. */
final class ListenerRefusal {

    private ListenerRefusal() {
    }

    /** Writes the refusal as the whole answer, with the status given and the code's fixed text only. */
    static void write(Request request, Response response, Callback callback, int status, ErrorCode code) {
        if (RawJsonProblem.wanted(request)) {
            RawJsonProblem.write(response, callback, status, code);
        } else {
            RawSoapFault.write(response, callback, status, code);
        }
    }
}
