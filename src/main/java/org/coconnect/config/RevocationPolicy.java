package org.coconnect.config;

import java.util.Arrays;
import java.util.Optional;

/** What a partner's certificates need from their CA's CRL ({@code partner.revocation}). */
public enum RevocationPolicy {
    /** A current CRL of the issuing CA must be held; without one (missing or past its nextUpdate) the certificate is refused. */
    REQUIRE_CRL("require-crl"),
    /**
     * A CRL is used when held (a certificate it lists is refused, even when the CRL is out of date), but its absence is
     * accepted: a declared choice for a CA that publishes none, logged at start-up.
     */
    SOFT_FAIL("soft-fail");

    private final String key;

    RevocationPolicy(String key) {
        this.key = key;
    }

    /** The value in the partner's properties file. */
    public String key() {
        return key;
    }

    public static Optional<RevocationPolicy> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
