package org.coconnect.ws.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.coconnect.config.VerificationConfig;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.ws.LookupRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officers' verification portal (Annex III, A.53-A.54): HTTPS with our TLS certificate and no
 * client certificate (officers use a browser). GET /verify shows the form; GET /verify?number=&code=
 * the answer. Each browser address is rate-limited (HTTP 429, CC-2007); every lookup is audited.
 */
public final class VerificationPortal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationPortal.class);
    private static final int THREADS = 4;
    private static final int MAX_QUERY = 512;
    private static final int MAX_NUMBER = 70;
    private static final int MAX_CODE = 35;

    private final HttpsServer server;
    private final ExecutorService executor;
    private final VerifyCertificate verify;
    private final LookupRateLimiter limiter;
    private final String issuer;

    private VerificationPortal(HttpsServer server, ExecutorService executor, VerifyCertificate verify,
                               LookupRateLimiter limiter, String issuer) {
        this.server = server;
        this.executor = executor;
        this.verify = verify;
        this.limiter = limiter;
        this.issuer = issuer;
    }

    /** Starts the portal on the configured host and port; the caller checks that it is enabled. */
    public static VerificationPortal start(VerificationConfig config, GatewayKeys keys, String issuer,
                                          VerifyCertificate verify, LookupRateLimiter limiter) {
        HttpsServer server;
        try {
            server = HttpsServer.create(new InetSocketAddress(config.portalHost(), config.portalPort()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The verification portal cannot listen on " + config.portalHost() + ":"
                    + config.portalPort() + " (verification.portal.port): " + e.getMessage(), e);
        }
        server.setHttpsConfigurator(configurator(keys));
        var threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            var thread = new Thread(r, "verification-portal-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        var portal = new VerificationPortal(server, executor, verify, limiter, issuer);
        server.createContext("/", portal::handle);
        server.start();
        LOG.info("Verification portal listening on {}", portal.url());
        return portal;
    }

    /** Server TLS only, with the gateway's TLS key and the same protocols and suites as the partner listener. */
    private static HttpsConfigurator configurator(GatewayKeys keys) {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(TlsMaterial.keyManagers(keys), null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS for the verification portal cannot be set up", e);
        }
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setProtocols(TlsMaterial.PROTOCOLS.toArray(String[]::new));
                ssl.setCipherSuites(TlsMaterial.CIPHER_SUITES.toArray(String[]::new));
                ssl.setNeedClientAuth(false);
                params.setSSLParameters(ssl);
            }
        };
    }

    public String url() {
        return "https://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/verify";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Page page;
            try {
                page = route(exchange);
            } catch (RuntimeException e) {
                LOG.error("Verification portal: {} failed", exchange.getRequestURI().getRawPath(), e);
                page = new Page(500, VerificationPage.refused(issuer, "The lookup could not be made now; retry later."));
            }
            send(exchange, page);
        }
    }

    private record Page(int status, String html) {
    }

    private Page route(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        if (!"/verify".equals(path) && !"/".equals(path)) {
            return new Page(404, VerificationPage.refused(issuer, "There is no such page."));
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            return new Page(405, VerificationPage.refused(issuer, "Only GET is served here."));
        }
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> fields;
        try {
            fields = query == null ? Map.of() : fields(query);
        } catch (IllegalArgumentException e) {
            return new Page(400, VerificationPage.refused(issuer, "The request could not be read."));
        }
        String number = fields.getOrDefault("number", "").strip();
        String code = fields.getOrDefault("code", "").strip();
        if (number.isEmpty() && code.isEmpty()) {
            return new Page(200, VerificationPage.form(issuer, null, null));
        }
        if (number.isEmpty() || code.isEmpty() || number.length() > MAX_NUMBER || code.length() > MAX_CODE) {
            return new Page(400, VerificationPage.form(issuer, shorten(number), "Enter the CO number (at most "
                    + MAX_NUMBER + " characters) and the reference code printed on the certificate."));
        }
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!limiter.admit("address " + client)) {
            LOG.warn("Verification portal: {} is over the lookup rate (CC-2007)", client);
            exchange.getResponseHeaders().set("Retry-After", "60");
            return new Page(429, VerificationPage.rateLimited(issuer));
        }
        var found = verify.verify(VerifyCertificate.Requester.portal(client), null, number, code);
        return new Page(200, VerificationPage.result(issuer, number, found));
    }

    private static String shorten(String number) {
        return number.length() > MAX_NUMBER ? number.substring(0, MAX_NUMBER) : number;
    }

    private static Map<String, String> fields(String query) {
        if (query.length() > MAX_QUERY) {
            throw new IllegalArgumentException("query too long");
        }
        var fields = new HashMap<String, String>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    /** Strict headers: no caching (the page shows CO data), no framing, no sniffing, no referrer carrying the code. */
    private static void send(HttpExchange exchange, Page page) throws IOException {
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Security-Policy", VerificationPage.CONTENT_SECURITY_POLICY);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Strict-Transport-Security", "max-age=31536000");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(page.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
