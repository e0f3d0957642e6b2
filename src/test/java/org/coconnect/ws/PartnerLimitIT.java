package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-partner limits: over its rate or its requests in flight, a partner gets HTTP 429 with CC-2006. */
class PartnerLimitIT {

    @TempDir
    Path dir;

    private Gateway idWith(PartnerLimits limits) {
        GatewayConfig id = TestGateways.configs(dir).get(1);
        return TestGateways.start(id.withPartners(List.of(id.partners().get(0).withLimits(limits))));
    }

    private HttpClient client() throws Exception {
        var kr = TestGateways.configs(dir.resolve("kr")).get(0);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        var keys = GatewayKeys.load(kr.keystores());
        tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private String login() {
        return basic(TestGateways.configs(dir.resolve("login")).get(0));
    }

    /** The Authorization header KR sends to ID. */
    static String basic(GatewayConfig kr) {
        var login = CredentialFiles.readOutbound(kr.keystores().outboundCredentials()).get(TestGateways.ID_ID);
        return "Basic " + Base64.getEncoder().encodeToString((login.user() + ":" + new String(login.password()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest request(Gateway id, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(id.baseUrl() + "/send-co")).header("Authorization", login())
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"urn:coconnect:send-co\"")
                .POST(body).build();
    }

    @Test
    void aPartnerOverItsRateIsRefusedWith429() throws Exception {
        try (Gateway id = idWith(new PartnerLimits(32, 2, Duration.ofHours(1)))) {
            HttpClient http = client();
            var body = HttpRequest.BodyPublishers.ofString("not xml");
            assertNotEquals(429, http.send(request(id, body), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertNotEquals(429, http.send(request(id, body), HttpResponse.BodyHandlers.ofString()).statusCode());
            var third = http.send(request(id, body), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, third.statusCode(), third.body());
            assertTrue(third.body().contains("CC-2006"), third.body());
            assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals("CC-2006")));
            assertTrue(StoredRows.messages(id).isEmpty());
        }
    }

    @Test
    void aPartnerWithARequestInFlightAtItsLimitIsRefusedUntilItCompletes() throws Exception {
        try (Gateway id = idWith(new PartnerLimits(1, 10_000, Duration.ofMinutes(1)))) {
            HttpClient http = client();
            URI uri = URI.create(id.baseUrl());
            try (var slow = (javax.net.ssl.SSLSocket) sslContext().getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
                // Headers and the start of a body that never finishes: the request holds its permit meanwhile.
                String head = "POST /send-co HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + login()
                        + "\r\nContent-Type: text/xml\r\nSOAPAction: \"urn:coconnect:send-co\"\r\nContent-Length: 100000\r\n\r\n"
                        + "<soap:Envelope";
                slow.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                slow.getOutputStream().flush();
                // Wait until the slow request holds its permit; a probe sent before would race it for the permit.
                double held = 0;
                for (int attempt = 0; attempt < 600 && held == 0; attempt++) {
                    held = requestsInFlight(id);
                    if (held == 0) {
                        Thread.sleep(50);
                    }
                }
                assertEquals(1.0, held, "the slow request is admitted and holds the partner's one permit");
                var other = http.send(request(id, HttpRequest.BodyPublishers.ofString("x")),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(429, other.statusCode(), "while the first request's body is still arriving, a second is refused");
                assertTrue(other.body().contains("CC-2006"), other.body());
            }
            HttpResponse<String> after = null;
            for (int attempt = 0; attempt < 600 && (after == null || after.statusCode() == 429); attempt++) {
                Thread.sleep(50);
                after = http.send(request(id, HttpRequest.BodyPublishers.ofString("x")), HttpResponse.BodyHandlers.ofString());
            }
            assertNotEquals(429, after.statusCode(), "the permit is given back once the first request ends");
        }
    }

    private static double requestsInFlight(Gateway id) {
        Matcher m = Pattern.compile("(?m)^coconnect_partner_requests_in_flight\\{partner=\"KR-KCS\"[^}]*} (\\S+)$")
                .matcher(id.metricsText());
        assertTrue(m.find(), "the gauge is published");
        return Double.parseDouble(m.group(1));
    }

    private SSLContext sslContext() throws Exception {
        var kr = TestGateways.configs(dir.resolve("kr")).get(0);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        var keys = GatewayKeys.load(kr.keystores());
        tls.init(TlsMaterial.keyManagers(keys), TlsMaterial.trustManagers(keys, List.of()), null);
        return tls;
    }
}
