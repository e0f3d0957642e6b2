package org.coconnect.ws.local;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.transport.http_jetty.ThreadingParameters;
import org.coconnect.config.ConfigException;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.ws.HardenedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local interface: JAX-RS resources on CXF, served by the Jetty that serves the SOAP endpoints but on
 * a connector and port of its own. Plain HTTP for our own issuing and customs systems, so it listens on a
 * loopback address only and refuses to start on any other. See docs/local-interface.md and
 * docs/local-api.openapi.yaml.
 */
public final class LocalApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MIN_THREADS = 4;
    private static final int MAX_THREADS = 32;

    private final Server server;
    private final LocalAdmission admission;
    private final String baseUrl;
    private final int port;

    private LocalApiServer(Server server, LocalAdmission admission, String baseUrl, int port) {
        this.server = server;
        this.admission = admission;
        this.baseUrl = baseUrl;
        this.port = port;
    }

    public static LocalApiServer start(Bus bus, LocalApiConfig config, LocalOperations operations) {
        InetAddress address = loopback(config.host());
        String host = address.getHostAddress();
        String baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.port();
        JettyHTTPServerEngine engine = engine(bus, host, config.port());
        var admission = new LocalAdmission(new BearerToken(config.token()));
        var endpoints = new LocalEndpoints(operations);
        var factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(baseUrl);
        factory.setServiceBeans(List.of(new CertificateResources(endpoints), new DeclarationResources(
                new DeclarationEndpoints(operations.declarations())), new OperationsResources(endpoints)));
        factory.setProviders(List.of(new JacksonJsonProvider(LocalJson.mapper()), admission, new LocalRefusals()));
        Server server;
        try {
            server = factory.create();
            var context = engine.getContextHandler(new URL(baseUrl + "/"));
            if (context != null) {
                // A CO number may hold a '/', sent as %2F; the resources decode each path segment themselves.
                context.getServletHandler().setDecodeAmbiguousURIs(true);
            }
        } catch (RuntimeException | java.io.IOException e) {
            JettyHTTPServerEngineFactory.destroyForPort(config.port());
            throw new IllegalStateException("The local interface cannot listen on " + host + ":" + config.port()
                    + " (local.port): " + e.getMessage(), e);
        }
        HardenedListener.harden(engine.getServer(), new HardenedListener.ErrorPage(Representations.PROBLEM_JSON,
                Map.of("X-Content-Type-Options", "nosniff"), LocalApiServer::unreadable));
        LOG.info("Local interface listening on {} (bearer token from {})", baseUrl, config.tokenFile());
        return new LocalApiServer(server, admission, baseUrl, config.port());
    }

    /** This port's own Jetty engine: plain HTTP, enough threads for our systems, timeouts and no version banner. */
    private static JettyHTTPServerEngine engine(Bus bus, String host, int port) {
        var threads = new ThreadingParameters();
        threads.setMinThreads(MIN_THREADS);
        threads.setMaxThreads(MAX_THREADS);
        threads.setThreadNamePrefix("local-api");
        try {
            JettyHTTPServerEngine engine = bus.getExtension(JettyHTTPServerEngineFactory.class)
                    .createJettyHTTPServerEngine(host, port, "http");
            engine.setThreadingParameters(threads);
            engine.setMaxIdleTime((int) HardenedListener.IDLE_TIMEOUT.toMillis());
            engine.setSendServerVersion(false);
            return engine;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("The local interface cannot listen on " + host + ":" + port
                    + " (local.port): " + e.getMessage(), e);
        }
    }

    /** What Jetty answers by itself to a request it cannot read, as a problem document. */
    private static String unreadable(int status) {
        return LocalJson.write(Representations.problems(status, List.of(Problem.error(ErrorCode.LOCAL_BAD_REQUEST,
                "The request could not be read (HTTP " + status + "); see docs/local-api.openapi.yaml.", null))));
    }

    /** The address to bind, if it is a loopback one: this interface has no TLS and must never face a network. */
    static InetAddress loopback(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("gateway.properties", "local.host", "unknown host '" + host + "'");
        }
        if (!address.isLoopbackAddress()) {
            throw new ConfigException("gateway.properties", "local.host", "must be a loopback address such as "
                    + "127.0.0.1 or ::1, since the local interface is never exposed to a network; got '" + host + "'");
        }
        return address;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Lets requests under way finish (briefly), then stops listening and frees the port. */
    @Override
    public void close() {
        admission.drain(DRAIN);
        server.destroy();
        JettyHTTPServerEngineFactory.destroyForPort(port);
    }
}
