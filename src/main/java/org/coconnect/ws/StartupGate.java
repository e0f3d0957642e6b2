package org.coconnect.ws;

import org.coconnect.error.ErrorCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * First in the listener's handlers: until every endpoint is published it answers every request
 * 503 with CC-9005, and so again once shutting down starts. Jetty starts accepting with the first
 * endpoint CXF publishes; without the gate a request for one not yet published got a 404 or 405,
 * which a partner reads as "never retry".
 */
final class StartupGate extends Handler.Abstract {

    private volatile boolean open;

    StartupGate() {
        super(InvocationType.NON_BLOCKING);
    }

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (open) {
            return false;
        }
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        // The connection may carry a body we will never read: close it rather than drain it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        ListenerRefusal.write(request, response, callback, 503, ErrorCode.NOT_SERVING);
        return true;
    }
}
