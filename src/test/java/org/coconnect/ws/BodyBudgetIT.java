package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.ListenerLimits;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.VerificationConfig;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: bodies are admitted against budgets before a byte of them is read, so that one partner
 * cannot make the gateway hold more than it can: a declared length over the address's limit (413,
 * CC-2004), a partner over its body bytes in flight (429, CC-2006), all partners together over the
 * gateway's (503, CC-9006); verify-co has the same admission with a small body limit.
 */
class BodyBudgetIT {

    private static final ListenerLimits DEFAULTS = ListenerLimits.defaults();

    @TempDir
    Path dir;

    private GatewayConfig kr;

    private Gateway idWith(PartnerLimits krLimits, ListenerLimits listener) {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        kr = configs.get(0);
        GatewayConfig id = configs.get(1);
        // The lookup rate limit (CC-2007) is another refusal: out of the way, so that only admission is seen.
        return TestGateways.start(id.withPartners(List.of(id.partners().get(0).withLimits(krLimits))).withListener(listener)
                .withVerification(VerificationConfig.defaults().withRate(1_000_000, Duration.ofMinutes(1))));
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedUnread() throws Exception {
        try (Gateway id = idWith(PartnerLimits.defaults(), DEFAULTS); var socket = connect(id)) {
            // Only the head is sent: an answer can only come if the gateway refused without reading the body.
            String answer = exchange(socket, head("/send-co", "urn:coconnect:send-co", DEFAULTS.maxBodyBytes() + 1L));
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("CC-2004"), answer);
            assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals("CC-2004")), "an alert with CC-2004");
            assertTrue(StoredRows.messages(id).isEmpty());
        }
    }

    @Test
    void verifyCoBodyOverItsSmallLimitIsRefusedUnread() throws Exception {
        try (Gateway id = idWith(PartnerLimits.defaults(), DEFAULTS); var socket = connect(id)) {
            String answer = exchange(socket, head("/verify-co", "urn:coconnect:verify-co",
                    DEFAULTS.maxLookupBodyBytes() + 1L));
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("CC-2004"), answer);
        }
    }

    @Test
    void partnerOverItsBodyBytesInFlightIsRefusedWith429() throws Exception {
        var limits = new PartnerLimits(32, 1_000_000, Duration.ofMinutes(1), 300_000);
        try (Gateway id = idWith(limits, DEFAULTS)) {
            assertRefusedWhileHeld(id, "/send-co", 250_000, 100_000, 429, "CC-2006");
        }
    }

    @Test
    void gatewayOverItsTotalBodyBytesInFlightIsRefusedWith503() throws Exception {
        var listener = new ListenerLimits(200_000, 64 * 1024, 300_000, DEFAULTS.idleTimeout());
        try (Gateway id = idWith(PartnerLimits.defaults(), listener)) {
            assertRefusedWhileHeld(id, "/send-co", 200_000, 150_000, 503, "CC-9006");
        }
    }

    @Test
    void verifyCoLookupsAreCountedAgainstThePartnersRequestsInFlight() throws Exception {
        try (Gateway id = idWith(new PartnerLimits(1, 1_000_000, Duration.ofMinutes(1)), DEFAULTS)) {
            assertRefusedWhileHeld(id, "/verify-co", 10_000, 1_000, 429, "CC-2006");
        }
    }

    /**
     * While one upload of heldBytes is still arriving, a request of requestBytes to the same address is
     * refused with the status and code; once the held upload ends, the same request is admitted again.
     */
    private void assertRefusedWhileHeld(Gateway id, String path, long heldBytes, int requestBytes, int status,
                                        String code) throws Exception {
        var client = MutualTlsSoapClient.asPartner(kr, TestGateways.ID_ID);
        URI address = URI.create(id.baseUrl() + path);
        String action = "urn:coconnect:" + path.substring(1);
        byte[] body = ("<x/>" + " ".repeat(requestBytes - 4)).getBytes(StandardCharsets.UTF_8);
        try (var held = connect(id)) {
            held.getOutputStream().write((head(path, action, heldBytes) + "<soap:Envelope").getBytes(StandardCharsets.UTF_8));
            held.getOutputStream().flush();
            // Only once the held upload is admitted may the second request come, or it is the held one refused.
            double inFlight = 0;
            for (int attempt = 0; attempt < 600 && inFlight < 1; attempt++) {
                inFlight = inFlightGauge(id);
                if (inFlight < 1) {
                    Thread.sleep(50);
                }
            }
            assertEquals(1.0, inFlight, "the held upload is admitted");
            MutualTlsSoapClient.Response refused = null;
            refused = client.post(address, action, body);
            assertEquals(status, refused.status(), refused.text());
            assertTrue(refused.text().contains(code), refused.text());
            assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals(code)), "an alert with " + code);
        }
        MutualTlsSoapClient.Response after = null;
        for (int attempt = 0; attempt < 200 && (after == null || after.status() == status); attempt++) {
            Thread.sleep(50);
            after = client.post(address, action, body);
        }
        assertNotEquals(status, after.status(), "admitted again once the held upload ended: " + after.text());
    }

    private static double inFlightGauge(Gateway id) {
        var gauge = java.util.regex.Pattern.compile("(?m)^coconnect_partner_requests_in_flight\\{partner=\"KR-KCS\"[^}]*} (\\S+)$")
                .matcher(id.metricsText());
        assertTrue(gauge.find(), "the gauge is published");
        return Double.parseDouble(gauge.group(1));
    }

    private String head(String path, String action, long contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + PartnerLimitIT.basic(kr)
                + "\r\nContent-Type: text/xml\r\nSOAPAction: \"" + action + "\"\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private SSLSocket connect(Gateway id) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        var keys = GatewayKeys.load(kr.keystores());
        tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
        var socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", id.config().port());
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Sends the head and reads the answer's head and body (the gateway closes, or the answer is complete). */
    private static String exchange(SSLSocket socket, String head) throws IOException {
        socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        var answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = socket.getInputStream().read(buffer); n != -1; n = socket.getInputStream().read(buffer)) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("</soap:Envelope>")) {
                    break;
                }
            }
        } catch (IOException e) {
            // reset after the answer: what was read is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
