package org.coconnect.partner;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AdministrationId;

/**
 * The partners this gateway exchanges with. Certificates come from the partner keystore, under
 * aliases {@code <partner id>.message...} and {@code <partner id>.tls...} (lower case).
 */
public final class PartnerDirectory {

    /** Decides whether a partner certificate may be used; returns the problems, empty when acceptable. */
    @FunctionalInterface
    public interface CertificateAcceptance {
        List<String> problems(String partnerId, X509Certificate certificate, boolean forMessages);

        /** Accepts every certificate: for tools that only read the store. */
        CertificateAcceptance ALL = (id, cert, forMessages) -> List.of();
    }

    private final Map<String, Partner> byId = new LinkedHashMap<>();

    public PartnerDirectory(List<PartnerConfig> partners, KeyStore partnerStore) {
        this(partners, partnerStore, CertificateAcceptance.ALL);
    }

    /**
     * Certificates that fail the acceptance checks (expired, revoked, weak key, wrong usage, foreign
     * CA) are left out: a partner using one is refused as if it were unknown.
     */
    public PartnerDirectory(List<PartnerConfig> partners, KeyStore partnerStore, CertificateAcceptance acceptance) {
        for (PartnerConfig config : partners) {
            var message = new ArrayList<X509Certificate>();
            var tls = new ArrayList<X509Certificate>();
            String prefix = config.id().toLowerCase(Locale.ROOT) + ".";
            try {
                for (String alias : Collections.list(partnerStore.aliases())) {
                    if (!alias.startsWith(prefix)) {
                        continue;
                    }
                    var cert = (X509Certificate) partnerStore.getCertificate(alias);
                    String role = alias.substring(prefix.length());
                    boolean forMessages = role.startsWith("message");
                    if (!forMessages && !role.startsWith("tls")) {
                        continue;
                    }
                    if (acceptance.problems(config.id(), cert, forMessages).isEmpty()) {
                        (forMessages ? message : tls).add(cert);
                    }
                }
            } catch (KeyStoreException e) {
                throw new IllegalStateException("partner keystore not loaded", e);
            }
            byId.put(config.id(), new Partner(config, message, tls));
        }
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Partner> byAdministration(AdministrationId administration) {
        return byId.values().stream().filter(p -> p.administration().equals(administration)).findFirst();
    }

    /** The partner one of whose message certificates this is (exact match, not just same subject). */
    public Optional<Partner> bySigningCertificate(X509Certificate certificate) {
        return byId.values().stream().filter(p -> p.messageCertificates().contains(certificate)).findFirst();
    }

    /** The partner whose TLS certificate this is (exact match). */
    public Optional<Partner> byTlsCertificate(X509Certificate certificate) {
        return byId.values().stream().filter(p -> p.tlsCertificates().contains(certificate)).findFirst();
    }

    /** The partner that logs in with this HTTP Basic user. */
    public Optional<Partner> byInboundUser(String user) {
        return byId.values().stream().filter(p -> p.config().inboundUser().equals(user)).findFirst();
    }

    public List<Partner> all() {
        return List.copyOf(byId.values());
    }
}
