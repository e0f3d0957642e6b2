package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every partner certificate is checked for chain, dates, key size, key usage and revocation; one rule per test. */
class CertificateChecksTest {

    static KeyPair caKeys;
    static X509Certificate ca;
    static final Instant NOW = Instant.now();

    @BeforeAll
    static void ca() {
        caKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        ca = CertificateFactoryBc.selfSignedCa("CN=Test CA", caKeys, Duration.ofDays(3650));
    }

    static CertificateChecks checks(java.security.cert.X509CRL... crls) throws Exception {
        var trust = KeyStores.empty();
        trust.setCertificateEntry("ca", ca);
        return new CertificateChecks(trust, List.of(crls));
    }

    static X509Certificate signing(KeyPair keys) {
        return CertificateFactoryBc.issue("CN=KR signing", keys, CertificateFactoryBc.Purpose.SIGNING, ca,
                caKeys.getPrivate(), Duration.ofDays(365));
    }

    @Test
    void aWellFormedCertificateFromOurCaPasses() throws Exception {
        assertEquals(List.of(), checks().check(signing(CertificateFactoryBc.newRsaKeyPair(2048)),
                CertificateFactoryBc.Purpose.SIGNING, NOW));
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        var cert = signing(CertificateFactoryBc.newRsaKeyPair(2048));
        assertTrue(checks().check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW.plus(Duration.ofDays(400)))
                .stream().anyMatch(p -> p.startsWith("not valid at")));
    }

    @Test
    void aKeyShorterThan2048BitsIsRefused() throws Exception {
        var cert = signing(CertificateFactoryBc.newRsaKeyPair(1024));
        assertTrue(checks().check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW).stream()
                .anyMatch(p -> p.contains("2048")));
    }

    @Test
    void aSigningCertificateIsRefusedAsAnEncryptionCertificate() throws Exception {
        var cert = signing(CertificateFactoryBc.newRsaKeyPair(2048));
        assertEquals(List.of("key usage lacks keyEncipherment, needed for an encryption certificate"),
                checks().check(cert, CertificateFactoryBc.Purpose.ENCRYPTION, NOW));
    }

    @Test
    void anEncryptionCertificateIsRefusedAsASigningCertificate() throws Exception {
        var cert = CertificateFactoryBc.issue("CN=KR encryption", CertificateFactoryBc.newRsaKeyPair(2048),
                CertificateFactoryBc.Purpose.ENCRYPTION, ca, caKeys.getPrivate(), Duration.ofDays(365));
        assertEquals(List.of(), checks().check(cert, CertificateFactoryBc.Purpose.ENCRYPTION, NOW));
        assertEquals(List.of("key usage lacks digitalSignature, needed for a signing certificate"),
                checks().check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW));
    }

    @Test
    void aCertificateWithoutKeyUsageIsRefusedInEveryRole() throws Exception {
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var builder = new JcaX509v3CertificateBuilder(ca, java.math.BigInteger.TEN, java.util.Date.from(NOW.minusSeconds(60)),
                java.util.Date.from(NOW.plus(Duration.ofDays(30))), new javax.security.auth.x500.X500Principal("CN=no usage"),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        var cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        for (var purpose : CertificateFactoryBc.Purpose.values()) {
            assertTrue(checks().check(cert, purpose, NOW).stream().anyMatch(p -> p.startsWith("key usage lacks")),
                    purpose.name());
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        KeyPair otherKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        var other = CertificateFactoryBc.selfSignedCa("CN=Other CA", otherKeys, Duration.ofDays(30));
        var cert = CertificateFactoryBc.issue("CN=stranger", CertificateFactoryBc.newRsaKeyPair(2048),
                CertificateFactoryBc.Purpose.SIGNING, other, otherKeys.getPrivate(), Duration.ofDays(30));
        assertTrue(checks().check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW).stream()
                .anyMatch(p -> p.startsWith("no valid chain")));
    }

    @Test
    void aCertificateListedInTheCasCrlIsRevoked() throws Exception {
        var cert = signing(CertificateFactoryBc.newRsaKeyPair(2048));
        var crl = CrlIssuer.issue(ca, caKeys.getPrivate(), List.of(cert.getSerialNumber()), NOW.minusSeconds(5),
                Duration.ofDays(7));
        var problems = checks(crl).check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW);
        assertTrue(problems.size() == 1 && problems.get(0).startsWith("revoked by its CA's CRL"), problems.toString());
    }

    @Test
    void aCrlThatDoesNotListTheCertificateLeavesItValid() throws Exception {
        var cert = signing(CertificateFactoryBc.newRsaKeyPair(2048));
        var crl = CrlIssuer.issue(ca, caKeys.getPrivate(), List.of(java.math.BigInteger.ONE), NOW.minusSeconds(5),
                Duration.ofDays(7));
        assertEquals(List.of(), checks(crl).check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW));
    }
}
