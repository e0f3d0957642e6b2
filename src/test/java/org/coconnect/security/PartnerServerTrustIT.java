package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.coconnect.Gateway;
import org.coconnect.client.DeliveryException;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.support.IsolatedKeys;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whom KR's client trusts when it calls ID: only ID's own anchors. KR also trusts JP-JCB's CA (imported from JP's
 * bundle as {@code jp-jcb-ca-1}); a server at ID's address with a certificate from JP's CA must not get through the
 * handshake, and so never sees KR's Basic password for ID.
 */
class PartnerServerTrustIT {

    @TempDir
    static Path dir;
    static List<GatewayConfig> configs;
    static KeyPair jpCaKeys;
    static X509Certificate jpCa;

    @BeforeAll
    static void pki() {
        configs = TestGateways.configs(dir);
        jpCaKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        jpCa = CertificateFactoryBc.selfSignedCa("CN=JP-JCB CA, O=JCB, C=JP", jpCaKeys, Duration.ofDays(365));
    }

    /** KR's configuration with JP's CA in its trust store, and ID at this address (pinned when a pin is given). */
    private static GatewayConfig kr(String name, URI idAddress, String pinnedSha256) throws Exception {
        GatewayConfig kr = IsolatedKeys.copy(configs.get(0), dir.resolve(name));
        var k = kr.keystores();
        var trust = KeyStores.load(k.trust(), k.password());
        trust.setCertificateEntry("jp-jcb-ca-1", jpCa);
        KeyStores.save(trust, k.trust(), k.password());
        PartnerConfig id = kr.partners().get(0).withEndpointUrl(idAddress);
        if (pinnedSha256 != null) {
            id = id.withTrust(id.trust().withPinnedServerSha256(pinnedSha256));
        }
        return kr.withPartners(List.of(id)).withPort(TestGateways.freePort()).withLocalApi(LocalApiConfig.disabled());
    }

    private static AcknowledgementStatus send(Gateway kr) throws DeliveryException {
        var client = kr.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(UUID.randomUUID(), null), SampleCertificate.create(
                "KR-TRUST-" + UUID.randomUUID().toString().substring(0, 8), 1, "KR", "ID", 1,
                Instant.now().minusSeconds(10))).status();
    }

    @Test
    void aServerWithACertificateFromAnotherPartnersCaAtThisPartnersAddressIsRefusedBeforeCredentialsAreSent()
            throws Exception {
        var requests = new CopyOnWriteArrayList<String>();
        HttpsServer impostor = impostor(requests);
        try (Gateway kr = TestGateways.start(kr("kr-impostor", URI.create("https://localhost:"
                + impostor.getAddress().getPort()), null))) {
            assertThrows(DeliveryException.class, () -> send(kr));
            assertEquals(List.of(), requests, "the impostor received no request, so no Basic credentials");
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void aPinnedServerCertificateOtherThanThePartnersIsRefusedAndTheRightPinIsAccepted() throws Exception {
        GatewayKeys idKeys = GatewayKeys.load(configs.get(1).keystores());
        try (Gateway id = TestGateways.start(configs.get(1))) {
            URI idAddress = URI.create(id.baseUrl());
            String otherPin = sha256(GatewayKeys.load(configs.get(0).keystores()).tlsCertificate());
            try (Gateway kr = TestGateways.start(kr("kr-wrong-pin", idAddress, otherPin))) {
                assertThrows(DeliveryException.class, () -> send(kr));
            }
            assertTrue(StoredRows.messages(id).isEmpty(), "nothing reached ID");
            try (Gateway kr = TestGateways.start(kr("kr-right-pin", idAddress, sha256(idKeys.tlsCertificate())))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(kr));
            }
        }
    }

    /** An HTTPS server on loopback with a certificate for localhost from JP's CA, recording every request it gets. */
    private static HttpsServer impostor(List<String> requests) throws Exception {
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var cert = CertificateFactoryBc.issue("CN=localhost, O=Impostor", keys, CertificateFactoryBc.Purpose.TLS, jpCa,
                jpCaKeys.getPrivate(), Duration.ofDays(30), "localhost");
        var store = KeyStores.empty();
        store.setKeyEntry("tls", keys.getPrivate(), "x".toCharArray(), new Certificate[] {cert, jpCa});
        var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "x".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", TestGateways.freePort()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String sha256(X509Certificate cert) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }
}
