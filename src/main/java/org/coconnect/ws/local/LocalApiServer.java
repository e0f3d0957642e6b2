package org.coconnect.ws.local;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.transport.http_jetty.ThreadingParameters;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.FiltersType;
import org.coconnect.client.CallbackWorker;
import org.coconnect.config.ConfigException;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.config.ReloadOutcome;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.ws.HardenedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local interface: JAX-RS resources on CXF, served by the Jetty that serves the SOAP endpoints but on
 * a connector and port of its own: plain HTTP on a loopback address, HTTPS (local.tls) on any other. Each
 * client presents its own credential and may only call what its scopes allow. See docs/local-interface.md and
 * docs/local-api.openapi.yaml.
 */
public final class LocalApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MIN_THREADS = 4;
    private static final int MAX_THREADS = 32;

    private static final Duration CALLBACK_PASS = Duration.ofSeconds(1);
    private final Server server;
    private final LocalAdmission admission;
    private final CallbackWorker callbacks;
    private final String baseUrl;
    private final int port;

    private LocalApiServer(Server server, LocalAdmission admission, CallbackWorker callbacks, String baseUrl, int port) {
        this.server = server;
        this.callbacks = callbacks;
        this.admission = admission;
        this.baseUrl = baseUrl;
        this.port = port;
    }

    /** @param reload reads and applies the configuration again (POST /reload) */
    public static LocalApiServer start(Bus bus, LocalApiConfig config, GatewayKeys keys, LocalOperations operations,
                                       Supplier<ReloadOutcome> reload) {
        InetAddress address = config.tls() ? address(config.host()) : loopback(config.host());
        String host = address.getHostAddress();
        String baseUrl = (config.tls() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + config.port();
        JettyHTTPServerEngine engine = engine(bus, host, config.port(), config.tls() ? keys : null);
        var admission = new LocalAdmission(new LocalClients(config), operations.records().audit());
        var endpoints = new LocalEndpoints(operations);
        var factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(baseUrl);
        factory.setServiceBeans(List.of(new CertificateResources(endpoints), new DeclarationResources(
                new DeclarationEndpoints(operations.declarations())), new OperationsResources(endpoints),
                new ReloadResources(reload), new RecordResources(new JournalEndpoints(operations.records().journal()),
                        new DossierEndpoints(operations.records().dossier()),
                        new EventEndpoints(operations.records().notifications()))));
        factory.setProviders(List.of(new JacksonJsonProvider(LocalJson.mapper()), admission, new ScopeCheck(),
                new LocalRefusals()));
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
        LOG.info("Local interface listening on {} (operator's token from {}, {} other clients)", baseUrl,
                config.tokenFile(), config.clients().size());
        // The clients of this interface are the ones notified, so their callbacks run while it does.
        var callbacks = new CallbackWorker(operations.records().notifications(), Clock.systemUTC()).start(CALLBACK_PASS);
        return new LocalApiServer(server, admission, callbacks, baseUrl, config.port());
    }

    /**
     * This port's own Jetty engine: plain HTTP on loopback, else HTTPS with the gateway's TLS key (no client
     * certificate: clients present their credential); enough threads for our systems, timeouts and no version banner.
     */
    private static JettyHTTPServerEngine engine(Bus bus, String host, int port, GatewayKeys tlsKeys) {
        var threads = new ThreadingParameters();
        threads.setMinThreads(MIN_THREADS);
        threads.setMaxThreads(MAX_THREADS);
        threads.setThreadNamePrefix("local-api");
        try {
            var engines = bus.getExtension(JettyHTTPServerEngineFactory.class);
            if (tlsKeys != null) {
                engines.setTLSServerParametersForPort(port, tls(tlsKeys));
            }
            JettyHTTPServerEngine engine = engines.createJettyHTTPServerEngine(host, port,
                    tlsKeys == null ? "http" : "https");
            engine.setThreadingParameters(threads);
            engine.setMaxIdleTime((int) HardenedListener.IDLE_TIMEOUT.toMillis());
            engine.setSendServerVersion(false);
            return engine;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("The local interface cannot listen on " + host + ":" + port
                    + " (local.port): " + e.getMessage(), e);
        }
    }

    private static TLSServerParameters tls(GatewayKeys keys) {
        var tls = new TLSServerParameters();
        tls.setKeyManagers(TlsMaterial.keyManagers(keys));
        tls.setIncludeProtocols(TlsMaterial.PROTOCOLS);
        var suites = new FiltersType();
        suites.getInclude().addAll(TlsMaterial.CIPHER_SUITES);
        tls.setCipherSuitesFilter(suites);
        return tls;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("gateway.properties", "local.host", "unknown host '" + host + "'");
        }
    }

    /** What Jetty answers by itself to a request it cannot read, as a problem document. */
    private static String unreadable(int status) {
        return LocalJson.write(Representations.problems(status, List.of(Problem.error(ErrorCode.LOCAL_BAD_REQUEST,
                "The request could not be read (HTTP " + status + "); see docs/local-api.openapi.yaml.", null))));
    }

    /** The address to bind, if it is a loopback one: without TLS this interface must never face a network. */
    static InetAddress loopback(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("gateway.properties", "local.host", "unknown host '" + host + "'");
        }
        if (!address.isLoopbackAddress()) {
            throw new ConfigException("gateway.properties", "local.host", "must be a loopback address such as "
                    + "127.0.0.1 or ::1 unless local.tls=true, since plain HTTP never faces a network; got '" + host + "'");
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
        callbacks.close();
        server.destroy();
        JettyHTTPServerEngineFactory.destroyForPort(port);
    }
}
