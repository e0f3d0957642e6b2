package org.coconnect.ws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.coconnect.config.GatewayConfig;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * The Jetty server CXF runs the partner endpoints on, made ours: no version banner, our error
 * answers, silent connections cut after the idle timeout (also one stalled mid-request), and a
 * gate that answers 503 until every endpoint is published.
 */
final class PartnerListener {

    private final JettyHTTPServerEngine engine;
    private final StartupGate gate = new StartupGate();

    private PartnerListener(JettyHTTPServerEngine engine) {
        this.engine = engine;
    }

    /** Before the first endpoint is published: CXF creates the server from these settings then. */
    static PartnerListener prepare(Bus bus, GatewayConfig config) {
        JettyHTTPServerEngine engine = bus.getExtension(JettyHTTPServerEngineFactory.class)
                .retrieveJettyHTTPServerEngine(config.port());
        if (engine == null || engine.getServer() != null) {
            throw new IllegalStateException("the listener on port " + config.port() + " must be configured before it starts");
        }
        engine.setSendServerVersion(false);
        engine.setMaxIdleTime(Math.toIntExact(config.listener().idleTimeout().toMillis()));
        var listener = new PartnerListener(engine);
        engine.setHandlers(List.of(listener.gate));
        return listener;
    }

    /** Once every context is created (after the last new path prefix is published): what CXF offers no setting for. */
    void harden() {
        Server server = engine.getServer();
        server.setErrorHandler(new ListenerErrorHandler());
        routeSpecificContextsFirst(server);
        for (var connector : server.getConnectors()) {
            var http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
            }
        }
    }

    /**
     * With a handler of ours in front, CXF appends each servlet context it creates to the server's handler
     * sequence behind the root context, which answers every path: /legacy/... then got the root's 404 or
     * 405. Reordered (same handlers, none removed or stopped): the gate, the contexts with the longest
     * paths first, then the rest.
     */
    private void routeSpecificContextsFirst(Server server) {
        if (!(server.getHandler() instanceof Handler.Sequence sequence)) {
            return;
        }
        var current = new LinkedHashSet<Handler>(sequence.getHandlers());
        current.remove(gate);
        var ordered = new ArrayList<Handler>(List.of(gate));
        current.stream().filter(ContextHandler.class::isInstance).map(ContextHandler.class::cast)
                .sorted(Comparator.comparingInt((ContextHandler c) -> c.getContextPath().length()).reversed())
                .forEach(ordered::add);
        current.stream().filter(h -> !(h instanceof ContextHandler)).forEach(ordered::add);
        sequence.setHandlers(ordered);
    }

    /** Every endpoint is published: requests are served from now on. */
    void open() {
        gate.open();
    }

    /** Shutting down: from now on every request is answered 503 until the listener stops. */
    void close() {
        gate.close();
    }
}
