package org.coconnect.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.coconnect.config.RevocationPolicy;

/**
 * The checks every partner certificate must pass: a chain to one of our trust anchors, within its
 * validity dates, RSA of at least 2048 bits, the key usage its role (signing, encryption, TLS) needs, and not revoked by a
 * CRL we hold, under the revocation policy agreed for the partner ({@link RevocationPolicy}). Returns the problems
 * found; empty means acceptable.
 */
public final class CertificateChecks {

    /** The least RSA modulus length accepted. */
    public static final int MIN_RSA_BITS = 2048;
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private final Set<TrustAnchor> anchors;
    private final CrlStore crls;

    public CertificateChecks(KeyStore trust, Collection<X509CRL> crls) {
        this(trust, CrlStore.of(List.copyOf(crls)));
    }

    /** Checks against the CRLs the store holds at the time of each check, so a CRL re-read while running counts. */
    public CertificateChecks(KeyStore trust, CrlStore crls) {
        this.anchors = anchors(trust);
        this.crls = crls;
    }

    /** The checks with soft-fail revocation: a CRL of the issuing CA is used when held. */
    public List<String> check(X509Certificate cert, CertificateFactoryBc.Purpose purpose, Instant at) {
        return check(cert, purpose, at, RevocationPolicy.SOFT_FAIL);
    }

    /** The checks, with revocation judged by the policy agreed for the partner's CA. */
    public List<String> check(X509Certificate cert, CertificateFactoryBc.Purpose purpose, Instant at, RevocationPolicy policy) {
        var problems = new ArrayList<String>();
        if (at.isBefore(cert.getNotBefore().toInstant()) || at.isAfter(cert.getNotAfter().toInstant())) {
            problems.add("not valid at " + at + " (valid " + cert.getNotBefore().toInstant() + " to "
                    + cert.getNotAfter().toInstant() + ")");
        }
        if (!(cert.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            problems.add("key is not RSA of at least " + MIN_RSA_BITS + " bits");
        }
        keyUsageProblem(cert.getKeyUsage(), purpose).ifPresent(problems::add);
        chainAndRevocation(cert, at, policy).ifPresent(problems::add);
        return problems;
    }

    /**
     * Each role needs its own bit: a signing certificate digitalSignature (to verify XML signatures), an
     * encryption certificate keyEncipherment (to wrap the content key for it), a TLS certificate
     * digitalSignature (for the ECDHE handshake). So a signing-only certificate offered as an encryption
     * certificate is refused, and the other way round.
     */
    private static java.util.Optional<String> keyUsageProblem(boolean[] usage, CertificateFactoryBc.Purpose purpose) {
        return switch (purpose) {
            case SIGNING -> lacks(usage, DIGITAL_SIGNATURE)
                    ? java.util.Optional.of("key usage lacks digitalSignature, needed for a signing certificate")
                    : java.util.Optional.empty();
            case ENCRYPTION -> lacks(usage, KEY_ENCIPHERMENT)
                    ? java.util.Optional.of("key usage lacks keyEncipherment, needed for an encryption certificate")
                    : java.util.Optional.empty();
            case TLS -> lacks(usage, DIGITAL_SIGNATURE)
                    ? java.util.Optional.of("key usage lacks digitalSignature, needed for a TLS certificate")
                    : java.util.Optional.empty();
        };
    }

    private static boolean lacks(boolean[] usage, int bit) {
        return usage == null || usage.length <= bit || !usage[bit];
    }

    /** The chain alone (PKIX, revocation off), then the revocation status under the policy of the issuing CA. */
    private java.util.Optional<String> chainAndRevocation(X509Certificate cert, Instant at, RevocationPolicy policy) {
        if (anchors.isEmpty()) {
            return java.util.Optional.of("no trust anchor is configured");
        }
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert));
            var params = new PKIXParameters(anchors);
            params.setDate(Date.from(at));
            // Revocation is ours to judge, per CA: PKIX with CRLs on would fail every CA whose CRL we lack.
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (CertPathValidatorException e) {
            return java.util.Optional.of("no valid chain to a trust anchor (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            return java.util.Optional.of("cannot be checked: " + e.getMessage());
        }
        return revocationProblem(cert, at, policy);
    }

    /**
     * Whether the CRLs held now say the certificate may not be used: listed in its CA's CRL (under either policy, also
     * by a CRL past its nextUpdate), or, under {@link RevocationPolicy#REQUIRE_CRL}, no current CRL of its CA is held.
     * Cheap enough for every request: it looks the CA's CRL up, it does not build a chain.
     */
    public java.util.Optional<String> revocationProblem(X509Certificate cert, Instant at, RevocationPolicy policy) {
        var issuer = cert.getIssuerX500Principal();
        X509CRL newest = crls.current().stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer) && signedByAnchor(crl))
                .max(java.util.Comparator.comparing(X509CRL::getThisUpdate)).orElse(null);
        if (newest == null) {
            return policy == RevocationPolicy.REQUIRE_CRL
                    ? java.util.Optional.of("its CA " + issuer.getName() + " requires a current CRL (partner.revocation="
                    + policy.key() + ") and none is held")
                    : java.util.Optional.empty();
        }
        var entry = newest.getRevokedCertificate(cert);
        if (entry != null) {
            return java.util.Optional.of("revoked by its CA's CRL (" + issuer.getName() + ", serial "
                    + cert.getSerialNumber().toString(16) + ", since " + entry.getRevocationDate().toInstant() + ")");
        }
        boolean stale = newest.getNextUpdate() != null && at.isAfter(newest.getNextUpdate().toInstant());
        if (stale && policy == RevocationPolicy.REQUIRE_CRL) {
            return java.util.Optional.of("the CRL of its CA " + issuer.getName() + " is out of date since "
                    + newest.getNextUpdate().toInstant() + " (partner.revocation=" + policy.key() + ")");
        }
        return java.util.Optional.empty();
    }

    /** A CRL counts only when one of our trust anchors signed it. */
    private boolean signedByAnchor(X509CRL crl) {
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert().getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(anchor.getTrustedCert().getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // Another anchor with the same name may have signed it.
                }
            }
        }
        return false;
    }

    private static Set<TrustAnchor> anchors(KeyStore trust) {
        var anchors = new HashSet<TrustAnchor>();
        try {
            for (String alias : Collections.list(trust.aliases())) {
                if (trust.getCertificate(alias) instanceof X509Certificate ca) {
                    anchors.add(new TrustAnchor(ca, null));
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("trust store not loaded", e);
        }
        return anchors;
    }
}
