package org.coconnect.partner;

import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AdministrationId;

/**
 * A partner administration: its configuration and its current certificates by role (several of a role
 * during a rotation with overlap).
 */
public record Partner(PartnerConfig config, List<X509Certificate> signingCertificates,
                      List<X509Certificate> encryptionCertificates, List<X509Certificate> tlsCertificates) {

    public Partner {
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        tlsCertificates = List.copyOf(tlsCertificates);
    }

    public String id() {
        return config.id();
    }

    public AdministrationId administration() {
        return config.administration();
    }

    /**
     * The certificate we encrypt for: the newest of the partner's encryption certificates that passed the
     * checks; during a rotation the partner can decrypt with the new key before the old one is retired.
     */
    public Optional<X509Certificate> currentEncryptionCertificate() {
        return encryptionCertificates.stream().max(Comparator.comparing(X509Certificate::getNotBefore));
    }

    /** {@link #currentEncryptionCertificate()}, for callers that cannot go on without one. */
    public X509Certificate encryptionCertificate() {
        return currentEncryptionCertificate().orElseThrow(() -> new IllegalStateException("partner " + id()
                + " has no valid encryption certificate (missing, expired, revoked or without keyEncipherment)"));
    }
}
