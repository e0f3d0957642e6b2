package org.coconnect.config;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How far we trust a partner's certificates: the revocation policy for its CA ({@code partner.revocation}), and
 * optionally the SHA-256 fingerprint of the TLS certificate its server must present to us
 * ({@code partner.tls.server-sha256}, hex, colons allowed).
 */
public record PartnerTrust(RevocationPolicy revocation, Optional<String> pinnedServerSha256) {

    /** Soft-fail revocation and no pinned server certificate: what a partner file without these keys means. */
    public static final PartnerTrust DEFAULT = new PartnerTrust(RevocationPolicy.SOFT_FAIL, Optional.empty());

    public PartnerTrust withRevocation(RevocationPolicy policy) {
        return new PartnerTrust(policy, pinnedServerSha256);
    }

    /** Pins the server certificate with this SHA-256 fingerprint (lower-case hex, no colons). */
    public PartnerTrust withPinnedServerSha256(String sha256Hex) {
        return new PartnerTrust(revocation, Optional.of(sha256Hex));
    }

    static PartnerTrust read(PropertiesFile file) {
        String policyKey = file.optional("partner.revocation", RevocationPolicy.SOFT_FAIL.key());
        var policy = RevocationPolicy.byKey(policyKey).orElseThrow(() -> new ConfigException(file.name(),
                "partner.revocation", "must be require-crl or soft-fail, not '" + policyKey + "'"));
        String pin = file.optional("partner.tls.server-sha256", null);
        if (pin == null) {
            return new PartnerTrust(policy, Optional.empty());
        }
        try {
            String hex = pin.replace(":", "").trim().toLowerCase(Locale.ROOT);
            byte[] sha256 = HexFormat.of().parseHex(hex);
            if (sha256.length != 32) {
                throw new IllegalArgumentException("has " + sha256.length + " bytes");
            }
            return new PartnerTrust(policy, Optional.of(hex));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.name(), "partner.tls.server-sha256",
                    "must be the 64 hex digits of a SHA-256 fingerprint (" + e.getMessage() + ")");
        }
    }
}
