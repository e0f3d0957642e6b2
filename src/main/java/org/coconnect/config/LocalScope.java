package org.coconnect.config;

import java.util.Locale;

/** What a client of the local interface may do; each call needs one scope (docs/local-interface.md, "Clients"). */
public enum LocalScope {
    /** Issue COs and DOs, cancel them, keep the exporter register, answer inquiries: the issuing system. */
    ISSUE,
    /** Claim preference on a CO, decide on it, ask the issuing side: the customs system and officers' tool. */
    DECIDE,
    /** Read COs, DOs, inquiries, the journal and events. */
    READ,
    /** Run the gateway: resend, retention, reload, see deliveries. */
    OPERATE,
    /** Health, metrics and alerts, read-only: monitoring. */
    MONITOR;

    /** The name used in configuration and answers, e.g. "issue". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope of a configured label such as "issue", or null when there is none. */
    public static LocalScope of(String label) {
        for (LocalScope scope : values()) {
            if (scope.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return scope;
            }
        }
        return null;
    }
}
