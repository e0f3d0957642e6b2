package org.coconnect.ws.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.coconnect.config.ConfigException;
import org.coconnect.config.LocalApiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local interface: plain HTTP for our own issuing and customs systems, so it listens on a
 * loopback address only and refuses to start on any other. See docs/local-interface.md.
 */
public final class LocalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
    private static final int THREADS = 4;
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final HttpServer server;
    private final LocalRouter router;
    private final ExecutorService executor;

    private LocalServer(HttpServer server, LocalRouter router, ExecutorService executor) {
        this.server = server;
        this.router = router;
        this.executor = executor;
    }

    public static LocalServer start(LocalApiConfig config, LocalOperations operations) {
        InetAddress address = loopback(config.host());
        var router = new LocalRouter(new BearerToken(config.token()), new LocalEndpoints(operations),
                new DeclarationEndpoints(operations.declarations()));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, config.port()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The local interface cannot listen on " + address.getHostAddress() + ":"
                    + config.port() + " (local.port): " + e.getMessage(), e);
        }
        var threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            var thread = new Thread(r, "local-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        var local = new LocalServer(server, router, executor);
        LOG.info("Local interface listening on {} (bearer token from {})", local.baseUrl(), config.tokenFile());
        return local;
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
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
    }

    /** Lets requests under way finish (briefly), then stops listening. */
    @Override
    public void close() {
        router.drain(DRAIN);
        server.stop(0);
        executor.shutdownNow();
    }
}
