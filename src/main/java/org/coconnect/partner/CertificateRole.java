package org.coconnect.partner;

import java.util.Locale;

/** What a partner certificate is for; each role has its own certificates and aliases {@code <partner id>.<role>...}. */
public enum CertificateRole {
    /** Verifies the partner's XML signatures: identifies the partner. */
    SIGNING,
    /** What we encrypt for the partner (requests we send, answers we return). */
    ENCRYPTION,
    /** The partner's TLS client and server certificate. */
    TLS;

    /** The role's segment in keystore aliases and bundle file names, e.g. {@code encryption}. */
    public String aliasSegment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
