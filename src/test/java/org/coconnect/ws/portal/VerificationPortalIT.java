package org.coconnect.ws.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.CertificateReference;
import org.coconnect.persistence.AuditEventEntity;
import org.coconnect.support.PortalBrowser;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officers' verification page over real HTTPS (server TLS with KR's TLS certificate, no client
 * certificate): what it shows, what it never reveals, its headers, its rate limit and its audit trail.
 */
class VerificationPortalIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static PortalBrowser browser;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        kr = TestGateways.start(withPortal(configs.get(0)));
        id = TestGateways.start(configs.get(1));
        browser = new PortalBrowser(kr);
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    /** The configuration with the portal on a free port. */
    public static GatewayConfig withPortal(GatewayConfig config) {
        return config.withVerification(config.verification().withPortal("127.0.0.1", TestGateways.freePort()));
    }

    /** Issues a CO at the gateway (delivered when its partner runs) and returns its reference code. */
    public static String issue(Gateway exporter, String number, int version) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(SampleCertificate.create(number, version, "KR",
                "ID", 2, Instant.now().minusSeconds(30))));
        String code = exporter.useCases().issueCertificate().issue(read.certificate(), read.xml()).referenceCode();
        exporter.deliverDue();
        return code;
    }

    static HttpResponse<String> lookup(String number, String code) {
        return browser.get("/verify?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    @Test
    void theFormIsServedWithStrictHeadersAndAViewportForPhones() {
        var page = browser.get("/verify");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(page.body().contains("<form method=\"get\" action=\"/verify\">"));
        assertFalse(page.body().contains("<script"), "no script");
        var headers = page.headers();
        assertEquals("text/html; charset=utf-8", headers.firstValue("Content-Type").orElseThrow());
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'none';") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("no-store", headers.firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElseThrow());
    }

    @Test
    void theRightNumberAndCodeShowTheCoAndValid() {
        String code = issue(kr, "KR-PORTAL-OK", 1);

        var page = lookup("KR-PORTAL-OK", code);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<p id=\"status\" class=\"status valid\" role=\"status\">Valid</p>"), page.body());
        assertTrue(page.body().contains("<dd id=\"number\">KR-PORTAL-OK</dd>"), page.body());
        assertFalse(page.body().contains(code), "the page never repeats the code");
    }

    @Test
    void aWrongCodeAndAnUnknownNumberGiveTheSamePage() {
        String code = issue(kr, "KR-PORTAL-WRONG", 1);
        String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);

        var wrongCode = lookup("KR-PORTAL-WRONG", wrong);
        var unknown = lookup("KR-PORTAL-NONE", code);

        assertEquals(200, wrongCode.statusCode());
        assertTrue(wrongCode.body().contains(VerificationPage.NOT_FOUND));
        assertEquals(wrongCode.statusCode(), unknown.statusCode());
        // The pages differ only in the number the officer typed, which the form shows again.
        assertEquals(wrongCode.body().replace("KR-PORTAL-WRONG", "N"), unknown.body().replace("KR-PORTAL-NONE", "N"));
    }

    @Test
    void aCancelledAndASupersededCoSayWhatTheyAre() {
        String first = issue(kr, "KR-PORTAL-AMEND", 1);
        kr.useCases().requestCancellation().request(new CertificateReference("KR", "KR-PORTAL-AMEND", 1), "Consignee corrected");
        kr.deliverDue();
        id.deliverDue();
        assertTrue(lookup("KR-PORTAL-AMEND", first).body().contains(">Cancelled</p>"));
        assertTrue(lookup("KR-PORTAL-AMEND", first).body().contains("Consignee corrected"));

        String second = issue(kr, "KR-PORTAL-AMEND", 2);

        assertTrue(lookup("KR-PORTAL-AMEND", first).body().contains(">Superseded by version 2</p>"));
        assertTrue(lookup("KR-PORTAL-AMEND", second).body().contains(">Valid</p>"));
    }

    @Test
    void whatTheOfficerTypedIsEscaped() {
        var page = lookup("<script>alert(1)</script>", "\"><b>x");

        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
        assertFalse(page.body().contains("<script>"));
        assertFalse(page.body().contains("<b>x"));
    }

    @Test
    void aMissingFieldAsksAgainWithoutALookup() {
        long before = portalLookups(kr).size();

        var page = browser.get("/verify?number=KR-1&code=");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("id=\"message\""), page.body());
        assertEquals(before, portalLookups(kr).size());
    }

    @Test
    void otherMethodsAndPathsAreRefused() {
        var post = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/verify"))
                .POST(HttpRequest.BodyPublishers.ofString("number=1&code=2")));
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, browser.get("/certificates").statusCode());
    }

    @Test
    void everyPortalLookupIsAuditedWithTheAddressAndOutcomeButNotTheCode() {
        String code = issue(kr, "KR-PORTAL-AUDIT", 1);
        lookup("KR-PORTAL-AUDIT", code);

        var events = portalLookups(kr).stream().filter(e -> e.detail().contains("KR-PORTAL-AUDIT")).toList();

        assertEquals(1, events.size());
        assertTrue(events.get(0).detail().startsWith("portal lookup by 127.0.0.1 of CO number 'KR-PORTAL-AUDIT': found"),
                events.get(0).detail());
        assertFalse(events.get(0).detail().contains(code));
    }

    @Test
    void aBrowserOverTheRateGets429WithTheCode() {
        var configs = TestGateways.configs(dir.resolve("rate"));
        var limited = withPortal(configs.get(0));
        limited = limited.withVerification(limited.verification().withRate(2, Duration.ofHours(1)));
        try (Gateway alone = TestGateways.start(limited)) {
            var limitedBrowser = new PortalBrowser(alone);
            assertEquals(200, limitedBrowser.get("/verify?number=A-1&code=ABCDEFGHJK").statusCode());
            assertEquals(200, limitedBrowser.get("/verify?number=A-2&code=ABCDEFGHJK").statusCode());

            var refused = limitedBrowser.get("/verify?number=A-3&code=ABCDEFGHJK");

            assertEquals(429, refused.statusCode());
            assertTrue(refused.body().contains("CC-2007"), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertEquals(2, portalLookups(alone).size(), "the refused lookup was not made");
        }
    }

    static List<AuditEventEntity> portalLookups(Gateway gateway) {
        return gateway.database().inTransaction(em -> em.createQuery(
                        "select e from AuditEventEntity e where e.kind = 'LOOKUP' and e.detail like 'portal %' order by e.id",
                        AuditEventEntity.class).getResultList());
    }
}
