package org.coconnect.config;

import java.util.Arrays;
import java.util.Optional;

/** The message-security profile agreed with a partner ({@code partner.security.profile}). */
public enum SecurityProfile {
    /** AES-256-GCM, RSA-OAEP, RSA-SHA256, SHA-256: wsdl/coconnect.wsdl at /{operation}. */
    STANDARD("standard"),
    /**
     * AES-256-CBC instead of GCM, for peers whose WS-Security lacks GCM (SoapUI, Metro): an explicit,
     * per-partner opt-in, served by wsdl/coconnect-legacy-cbc.wsdl at /legacy/{operation}, never a global downgrade.
     */
    LEGACY_CBC("legacy-cbc");

    private final String key;

    SecurityProfile(String key) {
        this.key = key;
    }

    /** The value in the partner's properties file. */
    public String key() {
        return key;
    }

    public static Optional<SecurityProfile> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
