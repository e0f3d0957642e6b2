package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coconnect.config.RevocationPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation judged per CA under the policy agreed for it (require a current CRL, or a declared soft-fail), with real
 * certificates and CRLs from two CAs and CRL files re-read from a directory.
 */
class RevocationPolicyTest {

    static final Instant NOW = Instant.now();
    static KeyPair caAKeys;
    static X509Certificate caA;
    static KeyPair caBKeys;
    static X509Certificate caB;

    @BeforeAll
    static void cas() {
        caAKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        caA = CertificateFactoryBc.selfSignedCa("CN=Partner A CA", caAKeys, Duration.ofDays(3650));
        caBKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        caB = CertificateFactoryBc.selfSignedCa("CN=Partner B CA", caBKeys, Duration.ofDays(3650));
    }

    static CertificateChecks checks(CrlStore crls) throws Exception {
        var trust = KeyStores.empty();
        trust.setCertificateEntry("a-ca", caA);
        trust.setCertificateEntry("b-ca", caB);
        return new CertificateChecks(trust, crls);
    }

    static X509Certificate signing(X509Certificate ca, KeyPair caKeys) {
        return CertificateFactoryBc.issue("CN=signing", CertificateFactoryBc.newRsaKeyPair(2048),
                CertificateFactoryBc.Purpose.SIGNING, ca, caKeys.getPrivate(), Duration.ofDays(365));
    }

    static java.security.cert.X509CRL crl(X509Certificate ca, KeyPair caKeys, List<X509Certificate> revoked, Instant at,
                                          Duration validity) {
        return CrlIssuer.issue(ca, caKeys.getPrivate(), revoked.stream().map(X509Certificate::getSerialNumber).toList(),
                at, validity);
    }

    static List<String> check(CertificateChecks checks, X509Certificate cert, RevocationPolicy policy) {
        return checks.check(cert, CertificateFactoryBc.Purpose.SIGNING, NOW, policy);
    }

    @Test
    void aRevokedCertificateIsRefusedWhenItsCaRequiresACrlAndTheCrlIsHeld() throws Exception {
        var cert = signing(caA, caAKeys);
        var checks = checks(CrlStore.of(List.of(crl(caA, caAKeys, List.of(cert), NOW.minusSeconds(60), Duration.ofDays(7)))));
        var problems = check(checks, cert, RevocationPolicy.REQUIRE_CRL);
        assertTrue(problems.size() == 1 && problems.get(0).startsWith("revoked by its CA's CRL"), problems.toString());
    }

    @Test
    void withoutACrlARequireCrlPolicyRefusesWithAClearReason() throws Exception {
        var problems = check(checks(CrlStore.of(List.of())), signing(caA, caAKeys), RevocationPolicy.REQUIRE_CRL);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("requires a current CRL") && problems.get(0).contains("CN=Partner A CA"),
                problems.get(0));
    }

    @Test
    void twoCasOnlyOneWithACrlTheOtherDeclaredSoftFailBothWork() throws Exception {
        var checks = checks(CrlStore.of(List.of(crl(caA, caAKeys, List.of(), NOW.minusSeconds(60), Duration.ofDays(7)))));
        assertEquals(List.of(), check(checks, signing(caA, caAKeys), RevocationPolicy.REQUIRE_CRL), "CA A, with its CRL");
        assertEquals(List.of(), check(checks, signing(caB, caBKeys), RevocationPolicy.SOFT_FAIL), "CA B, soft-fail");
    }

    @Test
    void aCrlPastItsNextUpdateIsRefusedWhenTheCaRequiresACurrentOne() throws Exception {
        var stale = crl(caA, caAKeys, List.of(), NOW.minus(Duration.ofDays(8)), Duration.ofDays(7));
        var problems = check(checks(CrlStore.of(List.of(stale))), signing(caA, caAKeys), RevocationPolicy.REQUIRE_CRL);
        assertTrue(problems.size() == 1 && problems.get(0).contains("out of date since"), problems.toString());
    }

    @Test
    void aCrlSignedByAnotherKeyUnderTheCasNameIsIgnored() throws Exception {
        var cert = signing(caA, caAKeys);
        var forger = CertificateFactoryBc.newRsaKeyPair(2048);
        var impostor = CertificateFactoryBc.selfSignedCa("CN=Partner A CA", forger, Duration.ofDays(30));
        var forged = crl(impostor, forger, List.of(), NOW.minusSeconds(60), Duration.ofDays(7));
        var problems = check(checks(CrlStore.of(List.of(forged))), cert, RevocationPolicy.REQUIRE_CRL);
        assertTrue(problems.size() == 1 && problems.get(0).contains("requires a current CRL"), problems.toString());
    }

    @Test
    void aNewCrlDroppedIntoTheDirectoryRevokesTheCertificateAfterTheRecheck(@TempDir Path crlDir) throws Exception {
        var cert = signing(caA, caAKeys);
        Files.write(crlDir.resolve("a.crl"), crl(caA, caAKeys, List.of(), NOW.minusSeconds(60), Duration.ofDays(7)).getEncoded());
        var store = new CrlStore(crlDir);
        var checks = checks(store);
        assertEquals(java.util.Optional.empty(), checks.revocationProblem(cert, NOW, RevocationPolicy.REQUIRE_CRL));

        Files.write(crlDir.resolve("a-2.crl"), crl(caA, caAKeys, List.of(cert), NOW.minusSeconds(30), Duration.ofDays(7))
                .getEncoded());
        assertTrue(store.refresh(), "the new file is read");

        assertTrue(checks.revocationProblem(cert, NOW, RevocationPolicy.REQUIRE_CRL).orElse("")
                .startsWith("revoked by its CA's CRL"));
    }
}
