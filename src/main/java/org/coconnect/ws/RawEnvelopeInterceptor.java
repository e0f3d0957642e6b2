package org.coconnect.ws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.coconnect.error.ErrorCode;

/**
 * Keeps the signed, encrypted envelope exactly as received, as evidence, and refuses bodies over the
 * size limit before any XML parsing.
 */
public final class RawEnvelopeInterceptor extends AbstractPhaseInterceptor<Message> {

    /** Message property holding the raw envelope bytes. */
    public static final String RAW_ENVELOPE = "coconnect.raw-envelope";
    private final int maxBytes;

    public RawEnvelopeInterceptor(int maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        try {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                var fault = new Fault(new GatewayFault(ErrorCode.PAYLOAD_LIMIT_EXCEEDED, "body larger than " + maxBytes
                        + " bytes"));
                fault.setStatusCode(413);
                throw fault;
            }
            message.put(RAW_ENVELOPE, body);
            message.setContent(InputStream.class, new ByteArrayInputStream(body));
        } catch (IOException e) {
            // The client went away, or sent a body Jetty cannot decode (broken chunking): its fault, not ours.
            var fault = new Fault(new GatewayFault(ErrorCode.HTTP_REQUEST_MALFORMED, "body unreadable: " + e.getMessage()));
            fault.setStatusCode(400);
            throw fault;
        }
    }
}
