package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.client.DeliveryException;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.support.IsolatedKeys;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation of the signing, the encryption and the TLS key with an overlap, and revocation by CRL, between two real gateways. */
class CertificateLifecycleIT {

    @TempDir
    Path dir;

    private static AcknowledgementStatus send(Gateway kr, String number) throws DeliveryException {
        var client = kr.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(10))).status();
    }

    /** KR with a new signing key, issued by the same CA; returns KR's config using it. */
    private GatewayConfig rotatedKr(GatewayConfig kr, CertificateAuthority ca) throws Exception {
        GatewayConfig copy = IsolatedKeys.copy(kr, dir.resolve("kr-new"));
        var keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var cert = ca.issue("CN=KR-KCS signing 2027, O=KCS, C=KR", keys, CertificateFactoryBc.Purpose.SIGNING);
        var own = KeyStores.load(copy.keystores().own(), copy.keystores().password());
        own.setKeyEntry(GatewayKeys.SIGNING_ALIAS, keys.getPrivate(), copy.keystores().password(),
                new Certificate[] {cert, ca.certificate()});
        KeyStores.save(own, copy.keystores().own(), copy.keystores().password());
        return copy;
    }

    /**
     * ID installs a new encryption key and keeps the previous one (alias {@code encryption.previous}) to
     * understand partners that still encrypt for it; returns the new certificate.
     */
    private static X509Certificate rotateEncryptionKey(GatewayConfig id, CertificateAuthority ca) throws Exception {
        char[] password = id.keystores().password();
        var own = KeyStores.load(id.keystores().own(), password);
        own.setKeyEntry(GatewayKeys.ENCRYPTION_ALIAS + ".previous", own.getKey(GatewayKeys.ENCRYPTION_ALIAS, password),
                password, own.getCertificateChain(GatewayKeys.ENCRYPTION_ALIAS));
        var keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var cert = ca.issue("CN=ID-DJBC encryption 2027, O=DJBC, C=ID", keys, CertificateFactoryBc.Purpose.ENCRYPTION);
        own.setKeyEntry(GatewayKeys.ENCRYPTION_ALIAS, keys.getPrivate(), password, new Certificate[] {cert, ca.certificate()});
        KeyStores.save(own, id.keystores().own(), password);
        return cert;
    }

    private static void addPartnerCertificate(GatewayConfig id, String alias, GatewayConfig from) throws Exception {
        var theirs = KeyStores.load(from.keystores().own(), from.keystores().password());
        IsolatedKeys.addPartnerCertificate(id, alias, (X509Certificate) theirs.getCertificate(GatewayKeys.SIGNING_ALIAS));
    }

    private static void deleteEntry(java.nio.file.Path store, char[] password, String alias) throws Exception {
        var keyStore = KeyStores.load(store, password);
        keyStore.deleteEntry(alias);
        KeyStores.save(keyStore, store, password);
    }

    @Test
    void duringARotationBothTheOldAndTheNewSigningCertificateAreAcceptedAndTheOldOneNotAfterItIsRemoved() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var ca = CertificateAuthority.load(java.nio.file.Path.of("target", "test-pki", "ca"));
        GatewayConfig newKr = rotatedKr(configs.get(0), ca);
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id"));
        addPartnerCertificate(id, "kr-kcs.signing.2027", newKr);
        try (Gateway idGateway = TestGateways.start(id)) {
            try (Gateway krNew = TestGateways.start(newKr.withPort(TestGateways.freePort()))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(krNew, "KR-ROT-NEW"));
            }
            try (Gateway krOld = TestGateways.start(configs.get(0))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(krOld, "KR-ROT-OLD"));
            }
        }
        deleteEntry(id.keystores().partners(), id.keystores().password(), "kr-kcs.signing");
        try (Gateway idGateway = TestGateways.start(id); Gateway krOld = TestGateways.start(configs.get(0))) {
            var e = assertThrows(DeliveryException.class, () -> send(krOld, "KR-ROT-RETIRED"));
            assertTrue(e.getMessage().contains("CC-1000"), e.getMessage());
            assertTrue(StoredRows.certificates(idGateway).stream().noneMatch(c -> c.number().equals("KR-ROT-RETIRED")));
        }
    }

    @Test
    void duringAnEncryptionKeyRotationPartnersEncryptForTheNewestCertificateAndTheOldKeyDecryptsUntilRetired()
            throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var ca = CertificateAuthority.load(java.nio.file.Path.of("target", "test-pki", "ca"));
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id"));
        X509Certificate newIdCertificate = rotateEncryptionKey(id, ca);
        GatewayConfig krOld = configs.get(0);
        GatewayConfig krBoth = IsolatedKeys.copy(krOld, dir.resolve("kr-both"));
        IsolatedKeys.addPartnerCertificate(krBoth, "id-djbc.encryption.2027", newIdCertificate);
        try (Gateway idGateway = TestGateways.start(id)) {
            try (Gateway kr = TestGateways.start(krOld)) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(kr, "KR-ENC-OLD"), "the previous key still decrypts");
            }
            try (Gateway kr = TestGateways.start(krBoth.withPort(TestGateways.freePort()))) {
                assertEquals(newIdCertificate, kr.client(TestGateways.ID_ID).partner().encryptionCertificate(),
                        "with both certificates, KR encrypts for the newest");
                assertEquals(AcknowledgementStatus.ACCEPTED, send(kr, "KR-ENC-NEW"));
            }
        }
        deleteEntry(id.keystores().own(), id.keystores().password(), GatewayKeys.ENCRYPTION_ALIAS + ".previous");
        try (Gateway idGateway = TestGateways.start(id); Gateway kr = TestGateways.start(krOld)) {
            var e = assertThrows(DeliveryException.class, () -> send(kr, "KR-ENC-RETIRED"));
            assertTrue(e.getMessage().contains("CC-1000"), e.getMessage());
            assertTrue(StoredRows.alerts(idGateway).stream().anyMatch(a -> a.code().equals("CC-1006")),
                    "encrypted for the retired certificate: a decryption failure");
            assertTrue(StoredRows.certificates(idGateway).stream().noneMatch(c -> c.number().equals("KR-ENC-RETIRED")));
        }
    }

    /** KR with a new TLS key; ID holds KR's old and new TLS certificates, and both connect. */
    @Test
    void duringATlsKeyRotationBothTheOldAndTheNewTlsCertificateAreAccepted() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var ca = CertificateAuthority.load(java.nio.file.Path.of("target", "test-pki", "ca"));
        GatewayConfig newKr = IsolatedKeys.copy(configs.get(0), dir.resolve("kr-new-tls"));
        char[] password = newKr.keystores().password();
        var keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var cert = ca.issue("CN=localhost, OU=KR-KCS 2027, O=KCS, C=KR", keys, CertificateFactoryBc.Purpose.TLS, "localhost");
        var own = KeyStores.load(newKr.keystores().own(), password);
        own.setKeyEntry(GatewayKeys.TLS_ALIAS, keys.getPrivate(), password, new Certificate[] {cert, ca.certificate()});
        KeyStores.save(own, newKr.keystores().own(), password);
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id"));
        IsolatedKeys.addPartnerCertificate(id, "kr-kcs.tls.2027", cert);
        try (Gateway idGateway = TestGateways.start(id)) {
            try (Gateway krNew = TestGateways.start(newKr.withPort(TestGateways.freePort()))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(krNew, "KR-TLS-NEW"));
            }
            try (Gateway krOld = TestGateways.start(configs.get(0))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(krOld, "KR-TLS-OLD"));
            }
        }
    }

    @Test
    void aCertificateRevokedByTheCasCrlIsRefusedAndAlerted() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var ca = CertificateAuthority.load(java.nio.file.Path.of("target", "test-pki", "ca"));
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id"));
        var krSigning = (X509Certificate) KeyStores.load(configs.get(0).keystores().own(),
                configs.get(0).keystores().password()).getCertificate(GatewayKeys.SIGNING_ALIAS);
        var crl = CrlIssuer.issue(ca.certificate(), ca.key(), List.of(krSigning.getSerialNumber()),
                Instant.now().minusSeconds(5), Duration.ofDays(7));
        Path crls = Files.createDirectories(id.keystores().own().getParent().resolve("crls"));
        Files.write(crls.resolve("demo-ca.crl"), crl.getEncoded());

        try (Gateway idGateway = TestGateways.start(id); Gateway kr = TestGateways.start(configs.get(0))) {
            var e = assertThrows(DeliveryException.class, () -> send(kr, "KR-REVOKED-1"));
            assertTrue(e.getMessage().contains("CC-1000"), e.getMessage());
            assertTrue(StoredRows.alerts(idGateway).stream().anyMatch(a -> a.code().equals("CC-1004")
                    && a.detail().contains("revoked")), "the revoked certificate is named in an alert at start-up");
            assertTrue(StoredRows.messages(idGateway).isEmpty());
        }
    }
}
