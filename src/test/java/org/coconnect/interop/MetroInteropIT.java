package org.coconnect.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.MessageHeader;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.security.TlsMaterial;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A partner on Metro 4 (the Jakarta XML Web Services reference implementation with WSIT security)
 * sends a CO to our gateway: signed and encrypted by Metro from the legacy CBC WSDL's policy (Metro has
 * no AES-GCM), over mutual TLS, and Metro verifies and decrypts our signed acknowledgement. Metro runs
 * in a JVM of its own (target/metro, see the pom): it bundles JAXB, SAAJ and a JAX-WS provider of its own.
 */
class MetroInteropIT {

    private static final Path METRO = Path.of("target", "metro").toAbsolutePath();
    private static final Path LEGACY_WSDL = Path.of("wsdl", "coconnect-legacy-cbc.wsdl").toAbsolutePath();

    @TempDir
    static Path dir;
    static Gateway id;
    static GatewayConfig krConfig;
    static String password;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isDirectory(METRO), "target/metro is missing: run through mvn verify (pre-integration-test copies Metro)");
        List<GatewayConfig> configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        GatewayConfig idConfig = configs.get(1);
        id = TestGateways.start(idConfig.withPartners(idConfig.partners().stream()
                .map(p -> p.withSecurityProfile(SecurityProfile.LEGACY_CBC)).toList()));
        password = new String(krConfig.keystores().password());
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @Test
    void metroSendsASignedEncryptedCoAndAcceptsOurSignedAcknowledgement() throws Exception {
        UUID messageId = UUID.randomUUID();
        Path request = writeRequest(messageId);
        Path response = dir.resolve("metro-response.xml");
        Run run = runMetro(request, response);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("com.sun.xml.ws.spi.ProviderImpl"), () -> "not Metro's JAX-WS: " + run.output());
        String answer = Files.readString(response);
        assertTrue(answer.contains("send-co-response") && answer.contains(">ACCEPTED<"), answer);
        assertTrue(answer.contains(messageId.toString()), answer);
    }

    @Test
    void whatMetroSendsIsSignedWithRsaSha256AndEncryptedWithAes256Cbc() throws Exception {
        UUID messageId = UUID.randomUUID();
        Run run = runMetro(writeRequest(messageId), dir.resolve("metro-response-2.xml"));
        assertEquals(0, run.exitCode(), run.output());
        String received = StoredRows.messages(id).stream().filter(m -> m.messageId().equals(messageId.toString()))
                .map(m -> new String(m.rawEnvelope(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertTrue(received.contains("Algorithm=\"" + WsSecurityProperties.RSA_SHA256 + "\""), received);
        assertTrue(received.contains("Algorithm=\"" + WsSecurityProperties.AES_256_CBC + "\""), received);
        assertTrue(received.contains("Algorithm=\"" + WsSecurityProperties.RSA_OAEP + "\""), received);
    }

    /** The negative control: Metro really checks the answer, so an unsigned acknowledgement makes it fail. */
    @Test
    void metroRefusesAnAcknowledgementThatIsNotSignedAndEncrypted() throws Exception {
        HttpsServer plain = plainAcknowledgementServer();
        try {
            Path response = dir.resolve("metro-response-plain.xml");
            Run run = runMetro(writeRequest(UUID.randomUUID()), response,
                    "https://localhost:" + plain.getAddress().getPort() + "/legacy/send-co");
            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("Security Requirements not met"), run.output());
            assertFalse(Files.exists(response), "Metro handed an unsigned answer to its caller");
        } finally {
            plain.stop(0);
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** HTTPS with ID's TLS key that answers every request with a well-formed but unsecured send-co-response. */
    private static HttpsServer plainAcknowledgementServer() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(TlsMaterial.keyManagers(GatewayKeys.load(id.config().keystores())), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] answer = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<m:send-co-response xmlns:m=\"urn:coconnect:messages:1\"/></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Path writeRequest(UUID messageId) throws Exception {
        var header = new MessageHeader(messageId, TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        Element payload = RequestBuilder.sendCo(header, SampleCertificate.create("KR-METRO-" + messageId.toString()
                .substring(0, 8), 1, "KR", "ID", 1, Instant.now().minusSeconds(60)));
        return Files.write(dir.resolve("request-" + messageId + ".xml"), HandMadeEnvelope.serialize(payload.getOwnerDocument()));
    }

    private static CredentialFiles.Login login() {
        return CredentialFiles.readOutbound(krConfig.keystores().outboundCredentials()).get(TestGateways.ID_ID);
    }

    private static Run runMetro(Path request, Path response) throws Exception {
        return runMetro(request, response, "https://localhost:" + id.config().port() + "/legacy/send-co");
    }

    private static Run runMetro(Path request, Path response, String address) throws Exception {
        Path config = MetroConfiguration.write(dir, krConfig, password);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", METRO + File.separator + "*" + File.pathSeparator + config + File.pathSeparator
                        + Path.of("target", "test-classes").toAbsolutePath(),
                "org.coconnect.interop.metro.MetroClient",
                LEGACY_WSDL.toUri().toString(), "CoConnectLegacyCbcService", "send-co",
                address, "urn:coconnect:send-co",
                MetroConfiguration.tlsKey(dir, krConfig, password).toString(),
                dir.resolve("kr-trust.p12").toString(), password, request.toString(), response.toString(),
                login().user(), new String(login().password())));
        Path log = dir.resolve("metro-" + UUID.randomUUID() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "Metro client did not finish within 120 s: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** The keys a Metro partner holds, in the files and META-INF/wsit-client.xml Metro reads them from. */
    static final class MetroConfiguration {

        private MetroConfiguration() {
        }

        /** A classpath directory with META-INF/wsit-client.xml naming KR's signing key and ID's encryption certificate. */
        static Path write(Path dir, GatewayConfig kr, String password) throws Exception {
            GatewayKeys keys = GatewayKeys.load(kr.keystores());
            KeyStore trust = KeyStores.empty();
            for (String alias : new String[] {"id-djbc.signing", "id-djbc.encryption"}) {
                trust.setCertificateEntry(alias, keys.partners().getCertificate(alias));
            }
            for (String alias : java.util.Collections.list(keys.trust().aliases())) {
                trust.setCertificateEntry(alias, keys.trust().getCertificate(alias));
            }
            KeyStores.save(trust, dir.resolve("kr-trust.p12"), password.toCharArray());
            Path metaInf = Files.createDirectories(dir.resolve("metro-config").resolve("META-INF"));
            String template = new String(MetroInteropIT.class.getResourceAsStream("/metro/wsit-client-service.xml")
                    .readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(metaInf.resolve("CoConnectLegacyCbcService.xml"), template
                    .replace("@KEYSTORE@", kr.keystores().own().toString())
                    .replace("@TRUSTSTORE@", dir.resolve("kr-trust.p12").toString())
                    .replace("@PASSWORD@", password));
            Files.copy(MetroInteropIT.class.getResourceAsStream("/metro/wsit-client.xml"), metaInf.resolve("wsit-client.xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return metaInf.getParent();
        }

        /** KR's TLS key alone (the message keys must never be offered in a handshake), for Metro's HTTPS. */
        static Path tlsKey(Path dir, GatewayConfig kr, String password) throws Exception {
            GatewayKeys keys = GatewayKeys.load(kr.keystores());
            KeyStore tls = KeyStores.empty();
            Certificate[] chain = keys.own().getCertificateChain(GatewayKeys.TLS_ALIAS);
            tls.setKeyEntry(GatewayKeys.TLS_ALIAS, keys.own().getKey(GatewayKeys.TLS_ALIAS, password.toCharArray()),
                    password.toCharArray(), chain);
            Path file = dir.resolve("kr-tls.p12");
            KeyStores.save(tls, file, password.toCharArray());
            return file;
        }
    }
}
