package org.coconnect.monitoring;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CertificateFingerprint;
import org.coconnect.security.GatewayKeys;

/**
 * A certificate the exchange depends on, with its owner: ours ({@code partnerId} null) or a partner's.
 *
 * @param role "signing", "encryption" or "TLS"
 */
public record WatchedCertificate(String partnerId, String role, X509Certificate certificate) {

    /** Our own signing, encryption and TLS certificates, then every certificate of every partner. */
    public static List<WatchedCertificate> of(GatewayKeys keys, PartnerDirectory partners) {
        var all = new ArrayList<WatchedCertificate>();
        all.add(new WatchedCertificate(null, "signing", keys.signingCertificate()));
        all.add(new WatchedCertificate(null, "encryption", keys.encryptionCertificate()));
        all.add(new WatchedCertificate(null, "TLS", keys.tlsCertificate()));
        for (Partner partner : partners.all()) {
            partner.signingCertificates().forEach(c -> all.add(new WatchedCertificate(partner.id(), "signing", c)));
            partner.encryptionCertificates().forEach(c -> all.add(new WatchedCertificate(partner.id(), "encryption", c)));
            partner.tlsCertificates().forEach(c -> all.add(new WatchedCertificate(partner.id(), "TLS", c)));
        }
        return List.copyOf(all);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Valid at this instant: neither expired nor not yet valid. */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(certificate.getNotBefore().toInstant()) && !instant.isAfter(notAfter());
    }

    /** Who the certificate belongs to and what it is, for alert texts, e.g. "partner ID-DJBC's TLS certificate". */
    public String description() {
        return (partnerId == null ? "our own " : "partner " + partnerId + "'s ") + role + " certificate "
                + certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber().toString(16)
                + ")";
    }

    /** The certificate's SHA-256 fingerprint: what its expiry alert is about, stable across restarts. */
    public String subject() {
        try {
            return "x509:sha256:" + CertificateFingerprint.sha256Hex(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be fingerprinted", e);
        }
    }
}
