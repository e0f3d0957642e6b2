package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coconnect.Gateway;
import org.coconnect.support.PortalBrowser;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections open (idle, or after one byte of a request) do not stop the local
 * interface or the officers' portal for everyone else; and what Jetty refuses by itself is answered
 * with our own short page, never Jetty's, and no answer names the server software.
 */
class HeldConnectionsIT {

    private static final int HELD = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static Gateway kr;
    static int localPort;
    static int portalPort;
    static PortalBrowser browser;

    @BeforeAll
    static void start() {
        var config = TestGateways.configs(dir).get(0);
        kr = TestGateways.start(config.withVerification(config.verification().withPortal("127.0.0.1",
                TestGateways.freePort())));
        localPort = kr.config().localApi().port();
        portalPort = kr.config().verification().portalPort();
        browser = new PortalBrowser(kr);
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
    }

    @Test
    void connectionsHeldIdleOrAfterOneByteDoNotStopTheLocalInterface() throws IOException {
        List<Socket> held = hold(localPort, "G".getBytes(StandardCharsets.US_ASCII));
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort + "/health"))
                    .header("Authorization", "Bearer " + TestGateways.LOCAL_TOKEN).timeout(PATIENCE).GET().build();

            var reply = send(HttpClient.newBuilder().connectTimeout(PATIENCE).build(), request);

            assertEquals(200, reply.statusCode(), reply.body());
        } finally {
            release(held);
        }
    }

    @Test
    void connectionsHeldIdleOrAfterOneByteDoNotStopThePortal() throws IOException {
        // 0x16 opens a TLS handshake record: the first byte of a ClientHello that never comes.
        List<Socket> held = hold(portalPort, new byte[] {0x16});
        try {
            var reply = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/verify")).timeout(PATIENCE)
                    .GET());

            assertEquals(200, reply.statusCode());
            assertTrue(reply.body().contains("<form method=\"get\" action=\"/verify\">"), reply.body());
        } finally {
            release(held);
        }
    }

    @Test
    void anUnreadableRequestToTheLocalInterfaceGetsOurProblemWithoutAServerBanner() throws IOException {
        String answer = rawExchange(localPort, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("\"CC-7002\""), answer);
        assertFalse(answer.toLowerCase(Locale.ROOT).contains("jetty"), answer);
        assertFalse(answer.toLowerCase(Locale.ROOT).contains("\nserver:"), answer);
    }

    @Test
    void anOversizedHeaderToThePortalGetsOurPageWithoutAServerBanner() {
        var reply = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/verify")).timeout(PATIENCE)
                .header("X-Padding", "x".repeat(64 * 1024)).GET());

        assertEquals(431, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains("Certificate of Origin verification"), reply.body());
        assertFalse(reply.body().toLowerCase(Locale.ROOT).contains("jetty"), reply.body());
        assertTrue(reply.headers().firstValue("Server").isEmpty(), reply.headers().toString());
    }

    @Test
    void noAnswerOfTheLocalInterfaceOrPortalNamesTheServerSoftware() {
        var portal = browser.get("/no-such-page");
        var local = new LocalHttp(kr).get("/no-such-resource");

        assertEquals(404, portal.statusCode());
        assertTrue(portal.headers().firstValue("Server").isEmpty(), portal.headers().toString());
        assertEquals(404, local.status());
        assertEquals(null, local.header("Server"), local.headers().toString());
        assertFalse(local.body().toLowerCase(Locale.ROOT).contains("jetty") || local.body().contains("cxf"), local.body());
    }

    /** HELD idle connections and HELD that sent {@code firstBytes} and stopped, all still open. */
    private static List<Socket> hold(int port, byte[] firstBytes) throws IOException {
        var held = new ArrayList<Socket>();
        try {
            for (int i = 0; i < HELD; i++) {
                held.add(new Socket("127.0.0.1", port));
                var started = new Socket("127.0.0.1", port);
                held.add(started);
                started.getOutputStream().write(firstBytes);
                started.getOutputStream().flush();
            }
        } catch (IOException e) {
            release(held);
            throw e;
        }
        return held;
    }

    private static void release(List<Socket> held) {
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort; the server's idle timeout closes its side anyway
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} as written and reads the whole answer (the server closes after a bad request). */
    private static String rawExchange(int port, String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
