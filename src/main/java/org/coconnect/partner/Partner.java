package org.coconnect.partner;

import java.security.cert.X509Certificate;
import java.util.List;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AdministrationId;

/** A partner administration: its configuration and its current certificates (several during a rotation). */
public record Partner(PartnerConfig config, List<X509Certificate> messageCertificates,
                      List<X509Certificate> tlsCertificates) {

    public Partner {
        messageCertificates = List.copyOf(messageCertificates);
        tlsCertificates = List.copyOf(tlsCertificates);
    }

    public String id() {
        return config.id();
    }

    public AdministrationId administration() {
        return config.administration();
    }

    /** The certificate we encrypt for: the newest of the partner's message certificates. */
    public X509Certificate encryptionCertificate() {
        return messageCertificates.stream()
                .max(java.util.Comparator.comparing(X509Certificate::getNotBefore))
                .orElseThrow(() -> new IllegalStateException("partner " + id()
                        + " has no valid message certificate (missing, expired or revoked)"));
    }
}
