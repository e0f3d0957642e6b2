package org.coconnect.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
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

/**
 * The checks every partner certificate must pass: a chain to one of our trust anchors, within its
 * validity dates, RSA of at least 2048 bits, the key usage its role (signing, encryption, TLS) needs, and not revoked by a
 * CRL we hold. Returns the problems found; empty means acceptable.
 */
public final class CertificateChecks {

    /** The least RSA modulus length accepted. */
    public static final int MIN_RSA_BITS = 2048;
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private final Set<TrustAnchor> anchors;
    private final Collection<X509CRL> crls;

    public CertificateChecks(KeyStore trust, Collection<X509CRL> crls) {
        this.anchors = anchors(trust);
        this.crls = List.copyOf(crls);
    }

    public List<String> check(X509Certificate cert, CertificateFactoryBc.Purpose purpose, Instant at) {
        var problems = new ArrayList<String>();
        if (at.isBefore(cert.getNotBefore().toInstant()) || at.isAfter(cert.getNotAfter().toInstant())) {
            problems.add("not valid at " + at + " (valid " + cert.getNotBefore().toInstant() + " to "
                    + cert.getNotAfter().toInstant() + ")");
        }
        if (!(cert.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            problems.add("key is not RSA of at least " + MIN_RSA_BITS + " bits");
        }
        keyUsageProblem(cert.getKeyUsage(), purpose).ifPresent(problems::add);
        chainAndRevocation(cert, at).ifPresent(problems::add);
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

    private java.util.Optional<String> chainAndRevocation(X509Certificate cert, Instant at) {
        if (anchors.isEmpty()) {
            return java.util.Optional.of("no trust anchor is configured");
        }
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert));
            var params = new PKIXParameters(anchors);
            params.setDate(Date.from(at));
            params.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            }
            CertPathValidator.getInstance("PKIX").validate(path, params);
            return java.util.Optional.empty();
        } catch (CertPathValidatorException e) {
            var reason = e.getReason();
            return java.util.Optional.of(reason == CertPathValidatorException.BasicReason.REVOKED
                    ? "revoked by its CA's CRL" : "no valid chain to a trust anchor (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            return java.util.Optional.of("cannot be checked: " + e.getMessage());
        }
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
