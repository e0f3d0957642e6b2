package org.coconnect.client;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps, as evidence, our envelope exactly as it left (signed and encrypted) and the partner's answer
 * exactly as it arrived, before WS-Security decrypts it; both reach the caller in the response context.
 */
final class EnvelopeCapture {

    /** Response-context key of our request's bytes as sent. */
    static final String SENT = "coconnect.sent-envelope";
    /** Response-context key of the answer's bytes as received. */
    static final String RECEIVED = "coconnect.received-envelope";
    /** An answer is an acknowledgement; anything larger is not kept (and WS-Security would refuse it anyway). */
    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private EnvelopeCapture() {
    }

    static void install(Client client) {
        client.getOutInterceptors().add(new Outgoing());
        client.getInInterceptors().add(new Incoming());
    }

    /** Copies what is written to the wire; the wire still gets every byte as it is written. */
    private static final class Tee extends FilterOutputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Tee(OutputStream wire) {
            super(wire);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy.write(b, off, len);
        }
    }

    private static final class Outgoing extends AbstractPhaseInterceptor<Message> {
        Outgoing() {
            super(Phase.PRE_STREAM);
        }

        @Override
        public void handleMessage(Message message) {
            OutputStream wire = message.getContent(OutputStream.class);
            if (wire != null) {
                Tee tee = new Tee(wire);
                message.setContent(OutputStream.class, tee);
                message.getExchange().put(Tee.class, tee);
            }
        }
    }

    private static final class Incoming extends AbstractPhaseInterceptor<Message> {
        Incoming() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            Tee tee = message.getExchange().get(Tee.class);
            if (tee != null) {
                message.put(SENT, tee.copy.toByteArray());
            }
            InputStream in = message.getContent(InputStream.class);
            if (in == null) {
                return;
            }
            try {
                byte[] answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (answer.length > MAX_ANSWER_BYTES) {
                    throw new Fault(new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes"));
                }
                message.put(RECEIVED, answer);
                message.setContent(InputStream.class, new java.io.ByteArrayInputStream(answer));
            } catch (IOException e) {
                throw new Fault(e);
            }
        }
    }
}
