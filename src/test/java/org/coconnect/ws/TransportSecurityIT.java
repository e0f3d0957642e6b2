package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.coconnect.Gateway;
import org.coconnect.config.Cidr;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.CertificateFactoryBc;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.security.TlsMaterial;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport checks over real mutual TLS, each refused before the body is read: the answer is an
 * HTTP 401 with the generic code, the reason is in an alert, and nothing is stored.
 */
class TransportSecurityIT {

    private static final String NOT_XML = "this body is never parsed";

    @TempDir
    static Path dir;
    static Gateway id;
    static GatewayKeys krKeys;
    static CredentialFiles.Login krLogin;
    static URI sendCo;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        krKeys = GatewayKeys.load(configs.get(0).keystores());
        krLogin = CredentialFiles.readOutbound(configs.get(0).keystores().outboundCredentials()).get(TestGateways.ID_ID);
        sendCo = URI.create(id.baseUrl() + "/send-co");
    }

    @AfterAll
    static void stop() {
        if (id != null) id.close();
    }

    private static HttpClient tlsClient(javax.net.ssl.KeyManager[] keyManagers) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keyManagers, TlsMaterial.trustManagers(krKeys, List.of()), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> post(HttpClient client, URI to, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(to).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:coconnect:send-co\"").POST(HttpRequest.BodyPublishers.ofString(NOT_XML));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(GatewaySnapshot before, HttpResponse<String> response, ErrorCode alertCode) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().contains("CC-1100 Authentication failed."), response.body());
        assertFalse(response.body().contains("Exception"), "no internals: " + response.body());
        GatewaySnapshot.assertNoInternals(response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        before.assertAlerted(alertCode);
        assertTrue(StoredRows.messages(id).isEmpty() && StoredRows.certificates(id).isEmpty(), "nothing stored");
    }

    @Test
    void missingBasicCredentialsAreRefusedBeforeTheBodyIsRead() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        assertRefused(before, post(tlsClient(TlsMaterial.keyManagers(krKeys)), sendCo, Map.of()), ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var response = post(tlsClient(TlsMaterial.keyManagers(krKeys)), sendCo,
                Map.of("Authorization", basic(krLogin.user(), "wrong-password")));
        assertRefused(before, response, ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void theRightLoginPassesTransportAndReachesMessageSecurity() throws Exception {
        var response = post(tlsClient(TlsMaterial.keyManagers(krKeys)), sendCo,
                Map.of("Authorization", basic(krLogin.user(), new String(krLogin.password()))));
        assertEquals(500, response.statusCode(), response.body());
        assertFalse(response.body().contains("CC-1100"), "past the transport checks: " + response.body());
    }

    @Test
    void noClientCertificateFailsTheTlsHandshake() {
        assertThrows(IOException.class, () -> post(tlsClient(null), sendCo,
                Map.of("Authorization", basic(krLogin.user(), new String(krLogin.password())))));
    }

    @Test
    void aClientCertificateFromAnotherCaFailsTheTlsHandshake() throws Exception {
        KeyPair caKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        var ca = CertificateFactoryBc.selfSignedCa("CN=Rogue CA", caKeys, Duration.ofDays(30));
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var cert = CertificateFactoryBc.issue("CN=localhost, O=Rogue", keys, CertificateFactoryBc.Purpose.TLS, ca,
                caKeys.getPrivate(), Duration.ofDays(30), "localhost");
        var store = KeyStores.empty();
        store.setKeyEntry("tls", keys.getPrivate(), "x".toCharArray(), new java.security.cert.Certificate[] {cert, ca});
        var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "x".toCharArray());
        // The handshake itself fails: no HTTP answer at all, so the request never reached the gateway's code.
        assertThrows(IOException.class, () -> post(tlsClient(kmf.getKeyManagers()), sendCo,
                Map.of("Authorization", basic(krLogin.user(), new String(krLogin.password())))));
    }

    @Test
    void aSourceAddressOutsideTheAllowlistIsRefusedAndXForwardedForIsIgnored(@TempDir Path other) throws Exception {
        GatewayConfig base = TestGateways.configs(other).get(1);
        PartnerConfig kr = base.partners().get(0);
        var onlyElsewhere = new PartnerConfig(kr.id(), kr.administration(), kr.environment(), kr.domain(), kr.endpointUrl(),
                List.of(Cidr.parse("10.20.0.0/16")), kr.inboundUser(), kr.limits(), kr.securityProfile());
        try (Gateway restricted = TestGateways.start(base.withPartners(List.of(onlyElsewhere)))) {
            var response = post(tlsClient(TlsMaterial.keyManagers(krKeys)), URI.create(restricted.baseUrl() + "/send-co"),
                    Map.of("Authorization", basic(krLogin.user(), new String(krLogin.password())),
                            "X-Forwarded-For", "10.20.1.2"));
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(StoredRows.alerts(restricted).stream().anyMatch(a -> a.code().equals("CC-1103")));
        }
    }

    @Test
    void repeatedFailuresLockTheAddressOutEvenForTheRightPassword(@TempDir Path other) throws Exception {
        try (Gateway fresh = TestGateways.start(TestGateways.configs(other).get(1))) {
            URI to = URI.create(fresh.baseUrl() + "/send-co");
            HttpClient client = tlsClient(TlsMaterial.keyManagers(krKeys));
            for (int i = 0; i < 6; i++) {
                post(client, to, Map.of("Authorization", basic(krLogin.user(), "guess-" + i)));
            }
            var response = post(client, to, Map.of("Authorization", basic(krLogin.user(), new String(krLogin.password()))));
            assertEquals(401, response.statusCode());
            assertTrue(StoredRows.alerts(fresh).stream().anyMatch(a -> a.code().equals("CC-1105")));
        }
    }

    /** A stolen TLS key used from elsewhere: refused for the address, before (and without) a password check. */
    @Test
    void aWrongPasswordFromOutsideTheAllowlistIsRefusedForTheAddressBeforeThePasswordIsChecked(@TempDir Path other)
            throws Exception {
        GatewayConfig base = TestGateways.configs(other).get(1);
        PartnerConfig kr = base.partners().get(0);
        var onlyElsewhere = new PartnerConfig(kr.id(), kr.administration(), kr.environment(), kr.domain(), kr.endpointUrl(),
                List.of(Cidr.parse("10.20.0.0/16")), kr.inboundUser(), kr.limits(), kr.securityProfile());
        try (Gateway restricted = TestGateways.start(base.withPartners(List.of(onlyElsewhere)))) {
            GatewaySnapshot before = GatewaySnapshot.of(restricted);
            var response = post(tlsClient(TlsMaterial.keyManagers(krKeys)), URI.create(restricted.baseUrl() + "/send-co"),
                    Map.of("Authorization", basic(krLogin.user(), "guessed-password")));
            assertEquals(401, response.statusCode(), response.body());
            before.assertAlerted(ErrorCode.SOURCE_IP_NOT_ALLOWED);
        }
    }

    /** Client certificates from our CA that are no partner's: each counts like a wrong password toward the lockout. */
    @Test
    void unknownClientCertificatesFromATrustedCaCountTowardTheLockout(@TempDir Path other) throws Exception {
        var now = java.time.Instant.now();
        var unknown = org.coconnect.support.TestCa.load().issueKey("CN=localhost, O=Not a partner",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), org.coconnect.support.TestCa.SIGNING_USAGE);
        var store = KeyStores.empty();
        store.setKeyEntry("tls", unknown.signer().crypto().getPrivateKey("key", "issued"), "x".toCharArray(),
                new java.security.cert.Certificate[] {unknown.certificate()});
        var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "x".toCharArray());
        try (Gateway fresh = TestGateways.start(TestGateways.configs(other).get(1))) {
            URI to = URI.create(fresh.baseUrl() + "/send-co");
            HttpClient stranger = tlsClient(kmf.getKeyManagers());
            for (int i = 0; i <= org.coconnect.security.InboundCredentials.FREE_FAILURES; i++) {
                assertEquals(401, post(stranger, to, Map.of("Authorization", basic(krLogin.user(), "guess-" + i))).statusCode());
            }
            GatewaySnapshot before = GatewaySnapshot.of(fresh);
            var response = post(tlsClient(TlsMaterial.keyManagers(krKeys)), to,
                    Map.of("Authorization", basic(krLogin.user(), new String(krLogin.password()))));
            assertEquals(401, response.statusCode(), response.body());
            before.assertAlerted(ErrorCode.TOO_MANY_FAILURES);
        }
    }

    @Test
    void theWsdlWithItsSecurityPolicyIsServedAtEachOperationsAddressToAnAuthenticatedPartner() throws Exception {
        HttpClient client = tlsClient(TlsMaterial.keyManagers(krKeys));
        for (String operation : List.of("send-co", "send-amendment-notification", "send-cancellation-status", "send-feedback")) {
            var request = HttpRequest.newBuilder(URI.create(id.baseUrl() + "/" + operation + "?wsdl"))
                    .header("Authorization", basic(krLogin.user(), new String(krLogin.password()))).GET().build();
            var wsdl = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(wsdl.contains("CoConnectMessageSecurity") && wsdl.contains("AsymmetricBinding"), wsdl);
            assertTrue(wsdl.contains(id.baseUrl() + "/" + operation), "the address is the one served: " + operation);
        }
    }
}
