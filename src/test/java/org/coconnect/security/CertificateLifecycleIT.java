package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
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

/** Certificate rotation with an overlap, and revocation by CRL, between two real gateways. */
class CertificateLifecycleIT {

    @TempDir
    Path dir;

    private static AcknowledgementStatus send(Gateway kr, String number) throws DeliveryException {
        var client = kr.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(10))).status();
    }

    /** KR with a new message key, issued by the same CA; returns KR's config using it. */
    private GatewayConfig rotatedKr(GatewayConfig kr, CertificateAuthority ca) throws Exception {
        GatewayConfig copy = IsolatedKeys.copy(kr, dir.resolve("kr-new"));
        var keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var cert = ca.issue("CN=KR-KCS message 2027, O=KCS, C=KR", keys, CertificateFactoryBc.Purpose.MESSAGE);
        var own = KeyStores.load(copy.keystores().own(), copy.keystores().password());
        own.setKeyEntry(GatewayKeys.MESSAGE_ALIAS, keys.getPrivate(), copy.keystores().password(),
                new Certificate[] {cert, ca.certificate()});
        KeyStores.save(own, copy.keystores().own(), copy.keystores().password());
        return copy;
    }

    private static void addPartnerCertificate(GatewayConfig id, String alias, GatewayConfig from) throws Exception {
        var partners = KeyStores.load(id.keystores().partners(), id.keystores().password());
        var theirs = KeyStores.load(from.keystores().own(), from.keystores().password());
        partners.setCertificateEntry(alias, theirs.getCertificate(GatewayKeys.MESSAGE_ALIAS));
        KeyStores.save(partners, id.keystores().partners(), id.keystores().password());
    }

    @Test
    void duringARotationBothTheOldAndTheNewCertificateAreAcceptedAndTheOldOneNotAfterItIsRemoved() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var ca = CertificateAuthority.load(java.nio.file.Path.of("target", "test-pki", "ca"));
        GatewayConfig newKr = rotatedKr(configs.get(0), ca);
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id"));
        addPartnerCertificate(id, "kr-kcs.message.2027", newKr);
        try (Gateway idGateway = TestGateways.start(id)) {
            try (Gateway krNew = TestGateways.start(newKr.withPort(TestGateways.freePort()))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(krNew, "KR-ROT-NEW"));
            }
            try (Gateway krOld = TestGateways.start(configs.get(0))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, send(krOld, "KR-ROT-OLD"));
            }
        }
        var partners = KeyStores.load(id.keystores().partners(), id.keystores().password());
        partners.deleteEntry("kr-kcs.message");
        KeyStores.save(partners, id.keystores().partners(), id.keystores().password());
        try (Gateway idGateway = TestGateways.start(id); Gateway krOld = TestGateways.start(configs.get(0))) {
            var e = assertThrows(DeliveryException.class, () -> send(krOld, "KR-ROT-RETIRED"));
            assertTrue(e.getMessage().contains("CC-1000"), e.getMessage());
            assertTrue(StoredRows.certificates(idGateway).stream().noneMatch(c -> c.number().equals("KR-ROT-RETIRED")));
        }
    }

    @Test
    void aCertificateRevokedByTheCasCrlIsRefusedAndAlerted() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var ca = CertificateAuthority.load(java.nio.file.Path.of("target", "test-pki", "ca"));
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id"));
        var krMessage = (java.security.cert.X509Certificate) KeyStores.load(configs.get(0).keystores().own(),
                configs.get(0).keystores().password()).getCertificate(GatewayKeys.MESSAGE_ALIAS);
        var crl = CrlIssuer.issue(ca.certificate(), ca.key(), List.of(krMessage.getSerialNumber()),
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
