package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.ListenerLimits;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13: hostile raw HTTP over mutual TLS never gets a framework error page, an exception name or
 * a version banner, only an answer of ours with a code; silent connections are cut and held ones do not
 * stop the gateway from serving.
 */
class ListenerHardeningIT {

    @TempDir
    static Path dir;
    static GatewayConfig krConfig;
    static Gateway id;
    static SendingPartner kr;
    static SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        var defaults = ListenerLimits.defaults();
        id = TestGateways.start(configs.get(1).withListener(new ListenerLimits(defaults.maxBodyBytes(),
                defaults.maxLookupBodyBytes(), defaults.bytesInFlight(), Duration.ofSeconds(3))));
        kr = SendingPartner.kr(krConfig);
        tls = SSLContext.getInstance("TLSv1.3");
        var keys = GatewayKeys.load(krConfig.keystores());
        tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @Test
    void malformedRequestLineGetsOurAnswer() throws Exception {
        assertOurs(exchange("GARBAGE-LINE\r\n\r\n"), 400);
    }

    @Test
    void malformedHeaderGetsOurAnswer() throws Exception {
        assertOurs(exchange("POST /send-co HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n"), 400);
    }

    @Test
    void hugeHeaderGetsOurAnswer() throws Exception {
        assertOurs(exchange("POST /send-co HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(64 * 1024)
                + "\r\n\r\n"), 431);
    }

    @Test
    void unknownPathGetsOurAnswer() throws Exception {
        assertOurs(exchange("GET /no-such-service HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404);
    }

    @Test
    void brokenChunkedBodyGetsOurAnswer() throws Exception {
        assertOurs(exchange("POST /send-co HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + PartnerLimitIT.basic(krConfig)
                + "\r\nContent-Type: text/xml\r\nSOAPAction: \"urn:coconnect:send-co\"\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nZZZ-not-a-size\r\n<x/>\r\n0\r\n\r\n"), 400);
    }

    @Test
    void answersCarryNoServerBanner() throws Exception {
        String answer = exchange("GET /send-co?wsdl HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + PartnerLimitIT.basic(krConfig) + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
        assertFalse(answer.toLowerCase().contains("\nserver:"), "no Server header: " + head(answer));
        assertFalse(answer.contains("Jetty"), head(answer));
    }

    @Test
    void connectionSendingOneByteAndWaitingIsCut() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write('P');
            socket.getOutputStream().flush();
            // Bounded: far longer than the 3 s idle timeout; the gateway closes first.
            socket.setSoTimeout(120_000);
            InputStream in = socket.getInputStream();
            try {
                while (in.read() != -1) {
                    // whatever the gateway says before closing
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the stalled connection was never cut", e);
            } catch (IOException e) {
                // reset by the gateway: cut, as required
            }
        }
    }

    @Test
    void fiftyIdleConnectionsDoNotStopTheGatewayServing() throws Exception {
        var held = new ArrayList<SSLSocket>();
        try {
            for (int i = 0; i < 50; i++) {
                held.add(connect());
            }
            var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
            assertEquals(200, answer.status(), answer::text);
            assertEquals(AcknowledgementStatus.ACCEPTED, kr.openAcknowledgement(answer.document(), "send-co").status());
        } finally {
            for (var socket : held) {
                socket.close();
            }
        }
    }

    /** A completed handshake with KR's client certificate, nothing sent yet. */
    private static SSLSocket connect() throws IOException {
        var socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", id.config().port());
        socket.startHandshake();
        return socket;
    }

    /** Sends the raw request and reads everything until the gateway closes (or 60 s pass). */
    private static String exchange(String request) throws IOException {
        try (var socket = connect()) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = socket.getInputStream().read(buffer); n != -1; n = socket.getInputStream().read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // a reset after the answer: what was read is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertOurs(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), "status " + status + " expected: " + head(answer));
        for (String leak : List.of("Jetty", "jetty", "Exception", "java.", "\tat ", "Powered by")) {
            assertFalse(answer.contains(leak), "answer shows '" + leak + "': " + answer);
        }
        assertTrue(answer.contains("CC-"), "answer carries one of our codes: " + answer);
    }

    private static String head(String answer) {
        return answer.substring(0, Math.min(answer.length(), 600));
    }
}
