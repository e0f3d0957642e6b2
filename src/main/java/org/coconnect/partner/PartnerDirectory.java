package org.coconnect.partner;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AdministrationId;

/**
 * The partners this gateway exchanges with. Certificates come from the partner keystore, under
 * aliases {@code <partner id>.signing...}, {@code <partner id>.encryption...} and {@code <partner id>.tls...}
 * (lower case); any other alias of a partner is ignored.
 */
public final class PartnerDirectory {

    /** Decides whether a partner certificate may be used in a role; returns the problems, empty when acceptable. */
    @FunctionalInterface
    public interface CertificateAcceptance {
        List<String> problems(String partnerId, X509Certificate certificate, CertificateRole role);

        /** Accepts every certificate: for tools that only read the store. */
        CertificateAcceptance ALL = (id, cert, role) -> List.of();
    }

    /** Whether a partner certificate accepted at start-up is revoked now, by the CRLs held at this moment. */
    @FunctionalInterface
    public interface RevocationCheck {
        Optional<String> problem(PartnerConfig partner, X509Certificate certificate);

        /** Never revoked: for tools, and gateways that judge revocation at start-up only. */
        RevocationCheck NONE = (partner, cert) -> Optional.empty();
    }

    /** What one configuration says; replaced whole by {@link #adopt}, never changed in place. */
    private record State(Map<String, Partner> byId, RevocationCheck revocation) {
    }

    private volatile State state;

    public PartnerDirectory(List<PartnerConfig> partners, KeyStore partnerStore) {
        this(partners, partnerStore, CertificateAcceptance.ALL);
    }

    public PartnerDirectory(List<PartnerConfig> partners, KeyStore partnerStore, CertificateAcceptance acceptance) {
        this(partners, partnerStore, acceptance, RevocationCheck.NONE);
    }

    /**
     * Certificates that fail the acceptance checks for their role (expired, revoked, weak key, wrong key
     * usage, foreign CA) are left out: a partner signing with one is refused as if it were unknown, and
     * nothing is encrypted for one. A certificate revoked later is found by {@link #revocationProblem} on each use.
     */
    public PartnerDirectory(List<PartnerConfig> partners, KeyStore partnerStore, CertificateAcceptance acceptance,
                            RevocationCheck revocation) {
        Map<String, Partner> byId = new LinkedHashMap<>();
        for (PartnerConfig config : partners) {
            var byRole = new EnumMap<CertificateRole, List<X509Certificate>>(CertificateRole.class);
            for (CertificateRole role : CertificateRole.values()) {
                byRole.put(role, new ArrayList<>());
            }
            String prefix = config.id().toLowerCase(Locale.ROOT) + ".";
            try {
                for (String alias : Collections.list(partnerStore.aliases())) {
                    Optional<CertificateRole> role = alias.startsWith(prefix) ? roleOf(alias.substring(prefix.length()))
                            : Optional.empty();
                    if (role.isEmpty()) {
                        continue;
                    }
                    var cert = (X509Certificate) partnerStore.getCertificate(alias);
                    if (acceptance.problems(config.id(), cert, role.get()).isEmpty()) {
                        byRole.get(role.get()).add(cert);
                    }
                }
            } catch (KeyStoreException e) {
                throw new IllegalStateException("partner keystore not loaded", e);
            }
            byId.put(config.id(), new Partner(config, byRole.get(CertificateRole.SIGNING),
                    byRole.get(CertificateRole.ENCRYPTION), byRole.get(CertificateRole.TLS)));
        }
        this.state = new State(Collections.unmodifiableMap(byId), revocation);
    }

    /**
     * Takes over another directory's partners and revocation check at once (a reload): a caller sees the
     * old configuration or the new one, never a mix; a {@link Partner} already handed out stays as it was.
     */
    public void adopt(PartnerDirectory next) {
        this.state = next.state;
    }

    /** The directory as it is now, unchanged by later reloads: what one request sees from start to end. */
    public PartnerDirectory snapshot() {
        return new PartnerDirectory(state);
    }

    private PartnerDirectory(State state) {
        this.state = state;
    }

    private java.util.Collection<Partner> partners() {
        return state.byId().values();
    }

    /** The role an alias's rest names: {@code signing}, {@code encryption.2027}, {@code tls.5f3a} ... */
    private static Optional<CertificateRole> roleOf(String rest) {
        for (CertificateRole role : CertificateRole.values()) {
            String segment = role.aliasSegment();
            if (rest.equals(segment) || rest.startsWith(segment + ".")) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(state.byId().get(id));
    }

    public Optional<Partner> byAdministration(AdministrationId administration) {
        return partners().stream().filter(p -> p.administration().equals(administration)).findFirst();
    }

    /** The partner administration of a country; the first configured when a country has several authorities. */
    public Optional<Partner> byCountry(String countryCode) {
        return partners().stream().filter(p -> p.administration().countryCode().equals(countryCode)).findFirst();
    }

    /** The partner one of whose signing certificates this is (exact match, not just same subject). */
    public Optional<Partner> bySigningCertificate(X509Certificate certificate) {
        return partners().stream().filter(p -> p.signingCertificates().contains(certificate)).findFirst();
    }

    /** The partner whose TLS certificate this is (exact match). */
    public Optional<Partner> byTlsCertificate(X509Certificate certificate) {
        return partners().stream().filter(p -> p.tlsCertificates().contains(certificate)).findFirst();
    }

    /** Why this certificate of the partner may not be used now (revoked by a CRL read since start-up), if so. */
    public Optional<String> revocationProblem(Partner partner, X509Certificate certificate) {
        return state.revocation().problem(partner.config(), certificate);
    }

    /** The partner that logs in with this HTTP Basic user. */
    public Optional<Partner> byInboundUser(String user) {
        return partners().stream().filter(p -> p.config().inboundUser().equals(user)).findFirst();
    }

    public List<Partner> all() {
        return List.copyOf(partners());
    }
}
