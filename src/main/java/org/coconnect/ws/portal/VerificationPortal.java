package org.coconnect.ws.portal;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.coconnect.config.VerificationConfig;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.ws.Admission;
import org.coconnect.ws.HardenedListener;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officers' verification portal (Annex III, A.53-A.54): HTTPS on a Jetty connector of its own, with our
 * TLS certificate and no
 * client certificate (officers use a browser). GET /verify shows the form; GET /verify?number=&code=
 * the answer. Each browser address is rate-limited (HTTP 429, CC-2007); every lookup is audited.
 */
public final class VerificationPortal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationPortal.class);
    private static final int MIN_THREADS = 2;
    private static final int MAX_THREADS = 16;
    private static final int MAX_QUERY = 512;
    private static final int MAX_NUMBER = 70;
    private static final int MAX_CODE = 35;
    /** Strict headers: no caching (the page shows CO data), no framing, no sniffing, no referrer carrying the code. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", VerificationPage.CONTENT_SECURITY_POLICY,
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000");
    private static final String HTML = "text/html; charset=utf-8";

    private final VerifyCertificate verify;
    private final Admission admission;
    private final String issuer;
    private Server server;
    private ServerConnector connector;

    private VerificationPortal(VerifyCertificate verify, Admission admission, String issuer) {
        this.verify = verify;
        this.admission = admission;
        this.issuer = issuer;
    }

    /** Starts the portal on the configured host and port; the caller checks that it is enabled. */
    public static VerificationPortal start(VerificationConfig config, GatewayKeys keys, String issuer,
                                          VerifyCertificate verify, Admission admission) {
        var portal = new VerificationPortal(verify, admission, issuer);
        var threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("verification-portal");
        threads.setDaemon(true);
        var server = new Server(threads);
        var http = new HttpConfiguration();
        var connector = new ServerConnector(server, tls(keys), new HttpConnectionFactory(http));
        connector.setHost(config.portalHost());
        connector.setPort(config.portalPort());
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            // Blocking: a lookup reads the database, so Jetty must not run it on a selector thread.
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return portal.serve(request, response, callback);
            }
        });
        HardenedListener.harden(server, new HardenedListener.ErrorPage(HTML, HEADERS,
                status -> VerificationPage.refused(issuer, "The request could not be read.")));
        portal.server = server;
        portal.connector = connector;
        try {
            server.start();
        } catch (Exception e) {
            portal.close();
            throw new IllegalStateException("The verification portal cannot listen on " + config.portalHost() + ":"
                    + config.portalPort() + " (verification.portal.port): " + e.getMessage(), e);
        }
        LOG.info("Verification portal listening on {}", portal.url());
        return portal;
    }

    /** Server TLS only, with the gateway's TLS key and the same protocols and suites as the partner listener. */
    private static SslContextFactory.Server tls(GatewayKeys keys) {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(TlsMaterial.keyManagers(keys), null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS for the verification portal cannot be set up", e);
        }
        var tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        tls.setIncludeProtocols(TlsMaterial.PROTOCOLS.toArray(String[]::new));
        tls.setIncludeCipherSuites(TlsMaterial.CIPHER_SUITES.toArray(String[]::new));
        tls.setNeedClientAuth(false);
        tls.setWantClientAuth(false);
        return tls;
    }

    public String url() {
        return "https://" + connector.getHost() + ":" + port() + "/verify";
    }

    public int port() {
        return connector.getLocalPort();
    }

    private boolean serve(Request request, Response response, Callback callback) {
        Page page;
        try {
            page = route(request, response.getHeaders());
        } catch (RuntimeException e) {
            LOG.error("Verification portal: {} failed", request.getHttpURI().getPath(), e);
            page = new Page(500, VerificationPage.refused(issuer, "The lookup could not be made now; retry later."));
        }
        send(request, response, callback, page);
        return true;
    }

    private record Page(int status, String html) {
    }

    private Page route(Request request, HttpFields.Mutable headers) {
        String path = request.getHttpURI().getPath();
        if (!"/verify".equals(path) && !"/".equals(path)) {
            return new Page(404, VerificationPage.refused(issuer, "There is no such page."));
        }
        if (!"GET".equals(request.getMethod())) {
            headers.put("Allow", "GET");
            return new Page(405, VerificationPage.refused(issuer, "Only GET is served here."));
        }
        String query = request.getHttpURI().getQuery();
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
        String client = Request.getRemoteAddr(request);
        if (!admission.admitLookup("address " + client)) {
            LOG.warn("Verification portal: {} is over the lookup rate (CC-2007)", client);
            headers.put("Retry-After", "60");
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

    private static void send(Request request, Response response, Callback callback, Page page) {
        HEADERS.forEach(response.getHeaders()::put);
        response.getHeaders().put("Content-Type", HTML);
        response.setStatus(page.status());
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(page.html().getBytes(StandardCharsets.UTF_8)),
                callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Verification portal: stopping failed: {}", e.getMessage());
        }
    }
}
