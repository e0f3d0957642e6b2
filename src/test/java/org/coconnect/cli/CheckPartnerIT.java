package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.conformance.CheckResult;
import org.coconnect.conformance.PartnerConformance;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * check-partner run as KR-KCS against a running ID-DJBC gateway (every check passes), and against an
 * HTTPS server that answers 200 to anything without asking for a client certificate (the checks that
 * such a partner breaks fail, each with its reason).
 */
class CheckPartnerIT {

    private static final List<String> CHECKS = List.of("tls-handshake", "tls-client-certificate-required",
            "policy-advertised", "unsecured-request-refused", "signed-acknowledgement", "duplicate-message-id",
            "rejected-with-codes");

    @TempDir
    static Path dir;
    static Gateway id;
    static GatewayConfig kr;
    static GatewayConfig idConfig;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        kr = configs.get(0);
        idConfig = configs.get(1);
        id = TestGateways.start(idConfig);
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @Test
    void everyCheckPassesAgainstOurOwnGateway() {
        var out = new ByteArrayOutputStream();
        List<CheckResult> results = new PartnerConformance(kr, TestGateways.ID_ID, Clock.systemUTC())
                .run(new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(CHECKS, results.stream().map(CheckResult::name).toList(), report);
        assertTrue(results.stream().allMatch(CheckResult::passed), report);
        assertTrue(report.contains("7 checks: 7 passed, 0 failed"), report);
    }

    @Test
    void commandExitsWithZeroWhenEveryCheckPasses() {
        assertEquals(0, CheckPartnerCommand.run(kr, TestGateways.ID_ID));
    }

    @Test
    void commandIsRegisteredAsCheckPartner() {
        assertTrue(new CommandLine(new CoConnectCommand()).getSubcommands().containsKey("check-partner"));
    }

    @Test
    void aPartnerThatAnswersAnythingWithoutClientCertificatesFailsTheChecksItBreaks() throws Exception {
        HttpsServer lax = laxServer();
        try {
            GatewayConfig pointed = pointAt(URI.create("https://localhost:" + lax.getAddress().getPort()));
            Map<String, CheckResult> results = new PartnerConformance(pointed, TestGateways.ID_ID, Clock.systemUTC())
                    .run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).stream()
                    .collect(Collectors.toMap(CheckResult::name, r -> r));
            assertTrue(results.get("tls-handshake").passed(), results.get("tls-handshake")::reason);
            for (String broken : CHECKS.subList(1, CHECKS.size())) {
                assertFalse(results.get(broken).passed(), broken + ": " + results.get(broken).reason());
            }
            assertTrue(results.get("tls-client-certificate-required").reason().contains("HTTP 200"));
            assertTrue(results.get("unsecured-request-refused").reason().contains("HTTP 200 without a SOAP fault"));
            assertEquals(1, CheckPartnerCommand.run(pointed, TestGateways.ID_ID));
        } finally {
            lax.stop(0);
        }
    }

    /** HTTPS with ID's TLS certificate, no client authentication, "200 OK" with an empty body to every request. */
    private static HttpsServer laxServer() throws Exception {
        GatewayKeys idKeys = GatewayKeys.load(idConfig.keystores());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(TlsMaterial.keyManagers(idKeys), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static GatewayConfig pointAt(URI url) {
        return kr.withPartners(kr.partners().stream()
                .map(p -> p.withEndpointUrl(url)).toList());
    }
}
