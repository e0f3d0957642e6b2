package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.coconnect.client.DeliveryException;
import org.coconnect.config.Cidr;
import org.coconnect.config.ConfigException;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.AdministrationId;
import org.coconnect.security.CertificateAuthority;
import org.coconnect.security.CertificateFactoryBc;
import org.coconnect.security.CertificateFactoryBc.Purpose;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.support.IsolatedKeys;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestCa;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes without a restart, while KR pushes COs to ID without pause: KR's signing and encryption
 * certificates are rotated with overlap, a CRL revokes the old ones, a partner is added and an allowlist
 * changed. No message of the load fails; each change is in force afterwards.
 */
class ReloadIT {

    @TempDir
    Path dir;
    GatewayConfig krConfig;
    GatewayConfig idConfig;
    Gateway kr;
    Gateway id;
    CertificateAuthority ca;

    @BeforeEach
    void start() throws Exception {
        var configs = TestGateways.configs(dir);
        krConfig = IsolatedKeys.copy(configs.get(0), dir.resolve("kr-keys"));
        idConfig = IsolatedKeys.copy(configs.get(1), dir.resolve("id-keys"));
        kr = TestGateways.start(krConfig);
        id = TestGateways.start(idConfig);
        ca = CertificateAuthority.load(Path.of("target", "test-pki", "ca").toAbsolutePath());
    }

    @AfterEach
    void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    @Test
    void certificatesRotateACrlRevokesAPartnerIsAddedAndAnAllowlistChangesWhileTheLoadRuns() throws Exception {
        X509Certificate oldSigning = GatewayKeys.load(krConfig.keystores()).signingCertificate();
        X509Certificate oldEncryption = GatewayKeys.load(krConfig.keystores()).encryptionCertificate();
        SendingPartner withOldKey = SendingPartner.kr(krConfig);
        var load = new Load(kr);
        load.start();
        try {
            load.awaitMore(3);
            // 1. KR: a new encryption key first, the old one kept to decrypt what is still encrypted for it.
            KeyPair encryption = CertificateFactoryBc.newRsaKeyPair(2048);
            X509Certificate newEncryption = ca.issue("CN=KR-KCS encryption 2, O=KCS, C=KR", encryption, Purpose.ENCRYPTION);
            setOwnKey(krConfig, GatewayKeys.ENCRYPTION_ALIAS, "encryption.previous", encryption, newEncryption);
            kr.configuration().reload(krConfig);
            load.awaitMore(3);
            // 2. ID: KR's new certificates beside the old ones (overlap).
            KeyPair signing = CertificateFactoryBc.newRsaKeyPair(2048);
            X509Certificate newSigning = ca.issue("CN=KR-KCS signing 2, O=KCS, C=KR", signing, Purpose.SIGNING);
            IsolatedKeys.addPartnerCertificate(idConfig, "kr-kcs.signing.2", newSigning);
            IsolatedKeys.addPartnerCertificate(idConfig, "kr-kcs.encryption.2", newEncryption);
            id.configuration().reload(idConfig);
            load.awaitMore(3);
            // 3. KR signs with its new key.
            setOwnKey(krConfig, GatewayKeys.SIGNING_ALIAS, null, signing, newSigning);
            kr.configuration().reload(krConfig);
            load.awaitMore(3);
            // 4. The CA revokes the old certificates; ID gets the CRL, a new partner and a narrower allowlist for KR.
            Path crls = Files.createDirectories(idConfig.keystores().own().getParent().resolve("crls"));
            Files.write(crls.resolve("test-ca.crl"), TestCa.load().crlRevoking(oldSigning, oldEncryption).getEncoded());
            var japan = new AdministrationId("JP", "JCB");
            addPartnerCertificates(idConfig, "jp-jcb", "JP-JCB");
            List<PartnerConfig> partners = new ArrayList<>(List.of(allowing(idConfig.partners().get(0), "127.0.0.1/32")));
            partners.add(TestGateways.partner(japan, TestGateways.freePort()));
            idConfig = idConfig.withPartners(partners);
            var outcome = id.configuration().reload(idConfig);
            assertEquals(List.of("JP-JCB"), outcome.added());
            load.awaitMore(3);
        } finally {
            load.stop();
        }
        assertEquals(List.of(), List.copyOf(load.failures), "no message of the load failed");

        assertEquals("JP-JCB", id.client("JP-JCB").partner().id(), "the new partner is known");
        var refused = withOldKey.post(id, "send-co", withOldKey.secured(SendingPartner.sendCoPayload()).bytes());
        assertEquals(500, refused.status(), "a message signed with the revoked certificate is refused");
        assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals("CC-1004") || a.code().equals("CC-1009")),
                "refused as no longer KR's signing certificate");

        id.configuration().reload(idConfig.withPartners(List.of(allowing(idConfig.partners().get(0), "10.0.0.0/8"),
                idConfig.partners().get(1))));
        assertThrows(DeliveryException.class, () -> send(kr, "KR-RELOAD-OUTSIDE"), "KR is now outside its allowlist");
        assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals("CC-1103")));
    }

    @Test
    void aBadConfigurationIsRefusedNamingFileAndKeyAndTheRunningOneStays() throws Exception {
        var stranger = TestGateways.partner(new AdministrationId("SG", "SC"), TestGateways.freePort());
        var bad = idConfig.withPartners(List.of(idConfig.partners().get(0), stranger));
        var refused = assertThrows(ConfigException.class, () -> id.configuration().reload(bad));
        assertTrue(refused.getMessage().contains("partners.p12") && refused.getMessage().contains("sg-sc.signing"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> id.client("SG-SC"), "nothing of it was applied");
        assertEquals(AcknowledgementStatus.ACCEPTED, send(kr, "KR-RELOAD-KEPT"), "the running configuration serves on");

        // The same through the local interface: 422 CC-3102 naming the key, then 200 for a good one.
        id.configuration().readFrom(() -> bad);
        HttpResponse<String> answer = postReload(idConfig);
        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("CC-3102") && answer.body().contains("sg-sc.signing"), answer.body());
        id.configuration().readFrom(() -> idConfig);
        answer = postReload(idConfig);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"partners\":[\"KR-KCS\"]"), answer.body());
    }

    @Test
    void aNewTlsKeyIsPresentedOnNewConnections() throws Exception {
        KeyPair tls = CertificateFactoryBc.newRsaKeyPair(2048);
        X509Certificate newTls = ca.issue("CN=localhost, OU=ID-DJBC 2, O=DJBC, C=ID", tls, Purpose.TLS, "localhost");
        // KR learns ID's new server certificate first, then ID presents it.
        IsolatedKeys.addPartnerCertificate(krConfig, "id-djbc.tls.2", newTls);
        kr.configuration().reload(krConfig);
        setOwnKey(idConfig, GatewayKeys.TLS_ALIAS, null, tls, newTls);
        id.configuration().reload(idConfig);

        assertEquals(newTls, serverCertificate(idConfig), "a new connection gets the new certificate");
        assertEquals(AcknowledgementStatus.ACCEPTED, send(kr, "KR-RELOAD-TLS"), "and KR still reaches ID");
    }

    /** The certificate a new TLS connection to {@code server} is shown (as KR, whose TLS key it requires). */
    private X509Certificate serverCertificate(GatewayConfig server) throws Exception {
        var anyServer = new javax.net.ssl.X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        var context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(org.coconnect.security.TlsMaterial.keyManagers(GatewayKeys.load(krConfig.keystores())),
                new javax.net.ssl.TrustManager[] {anyServer}, null);
        try (var socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private HttpResponse<String> postReload(GatewayConfig config) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.localApi().port() + "/reload"))
                .header("Authorization", "Bearer " + TestGateways.LOCAL_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static AcknowledgementStatus send(Gateway from, String number) throws DeliveryException {
        var client = from.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(UUID.randomUUID(), null), SampleCertificate.create(
                number + "-" + UUID.randomUUID(), 1, "KR", "ID", 1, Instant.now().minusSeconds(60))).status();
    }

    private static PartnerConfig allowing(PartnerConfig p, String network) {
        return new PartnerConfig(p.id(), p.administration(), p.environment(), p.domain(), p.endpointUrl(),
                List.of(Cidr.parse(network)), p.inboundUser(), p.limits(), p.securityProfile(), p.trust());
    }

    private static void setOwnKey(GatewayConfig config, String alias, String keepOldAs, KeyPair keys, X509Certificate cert)
            throws Exception {
        char[] password = config.keystores().password();
        KeyStore own = KeyStores.load(config.keystores().own(), password);
        Certificate[] oldChain = own.getCertificateChain(alias);
        if (keepOldAs != null) {
            own.setKeyEntry(keepOldAs, own.getKey(alias, password), password, oldChain);
        }
        own.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {cert, oldChain[oldChain.length - 1]});
        KeyStores.save(own, config.keystores().own(), password);
    }

    private void addPartnerCertificates(GatewayConfig config, String prefix, String name) throws Exception {
        for (Purpose purpose : List.of(Purpose.SIGNING, Purpose.ENCRYPTION, Purpose.TLS)) {
            String role = purpose.name().toLowerCase();
            X509Certificate cert = ca.issue("CN=" + name + " " + role + ", O=JCB, C=JP",
                    CertificateFactoryBc.newRsaKeyPair(2048), purpose, "localhost");
            IsolatedKeys.addPartnerCertificate(config, prefix + "." + role, cert);
        }
    }

    /** KR pushing COs to ID from two threads until stopped; every answer but ACCEPTED is a failure. */
    private static final class Load {
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final Gateway from;

        Load(Gateway from) {
            this.from = from;
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                var thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            AcknowledgementStatus status = send(from, "KR-LOAD");
                            if (status == AcknowledgementStatus.ACCEPTED) {
                                accepted.incrementAndGet();
                            } else {
                                failures.add(status.name());
                            }
                        } catch (Exception | AssertionError e) {
                            failures.add(e.toString());
                        }
                    }
                }, "reload-load-" + t);
                thread.start();
                threads.add(thread);
            }
        }

        /** Waits (bounded) until {@code n} more messages were accepted since the call. */
        void awaitMore(int n) throws InterruptedException {
            int target = accepted.get() + n;
            poll(() -> accepted.get() >= target || !failures.isEmpty(), Duration.ofSeconds(60));
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }
    }

    private static void poll(BooleanSupplier condition, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached within " + bound);
            }
            Thread.sleep(50);
        }
    }
}
