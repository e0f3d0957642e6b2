package org.coconnect.ws;

import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.coconnect.config.GatewayConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

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

    /** Once the first endpoint has started the server: what CXF offers no setting for. */
    void harden() {
        Server server = engine.getServer();
        server.setErrorHandler(new ListenerErrorHandler());
        for (var connector : server.getConnectors()) {
            var http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
            }
        }
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
