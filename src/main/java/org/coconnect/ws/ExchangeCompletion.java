package org.coconnect.ws;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.Destination;
import org.apache.cxf.transport.MessageObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the observer an endpoint's HTTP destination hands every request to, so that what a request
 * took on admission is given back exactly once when its exchange ends, however it ends: an answer, a
 * fault from any phase, a WSDL or schema GET that CXF answers by aborting the chain, a client gone
 * mid-body. Interceptors cannot promise that: several of those paths never run an outbound chain.
 */
final class ExchangeCompletion implements MessageObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeCompletion.class);
    private static final String ON_END = ExchangeCompletion.class.getName() + ".on-end";
    private final MessageObserver chain;

    private ExchangeCompletion(MessageObserver chain) {
        this.chain = chain;
    }

    /** Installs the wrapper on a published endpoint's destination. */
    static void install(EndpointImpl endpoint) {
        install(endpoint.getServer().getDestination());
    }

    /** Installs the wrapper on a destination (the JSON API's JAX-RS server has no EndpointImpl). */
    static void install(Destination destination) {
        destination.setMessageObserver(new ExchangeCompletion(destination.getMessageObserver()));
    }

    @Override
    public void onMessage(Message message) {
        Deque<Runnable> onEnd = new ArrayDeque<>();
        message.put(ON_END, onEnd);
        try {
            chain.onMessage(message);
        } finally {
            for (Runnable action = onEnd.pollLast(); action != null; action = onEnd.pollLast()) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("Releasing what a request held failed", e);
                }
            }
        }
    }

    /**
     * Runs the action when the exchange of this message ends. Only requests that came through an
     * installed wrapper can hold anything, so a message without one is a wiring error.
     */
    @SuppressWarnings("unchecked")
    static void onEnd(Message message, Runnable action) {
        var onEnd = (Deque<Runnable>) message.get(ON_END);
        if (onEnd == null) {
            throw new IllegalStateException("request admitted on a destination without ExchangeCompletion");
        }
        onEnd.add(action);
    }
}
