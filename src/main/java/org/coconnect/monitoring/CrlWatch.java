package org.coconnect.monitoring;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.security.CrlStore;

/**
 * Keeps the CRLs current while the gateway runs: each pass re-reads the CRL directory if a file changed (so a
 * certificate revoked by a new CRL is refused without a restart), and alerts (CC-6020), once a day per CA, when a
 * CRL held reaches its nextUpdate within a day or has passed it, in time to fetch the CA's next one.
 */
public final class CrlWatch {

    /** How long before a CRL's nextUpdate the alert comes. */
    public static final Duration WARN_BEFORE = Duration.ofDays(1);

    private final CrlStore crls;
    private final Alerts alerts;
    private final Clock clock;

    public CrlWatch(CrlStore crls, Alerts alerts, Clock clock) {
        this.crls = crls;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** One pass: re-read changed CRL files, then alert on CRLs near or past their nextUpdate. */
    public void pass() {
        crls.refresh();
        Instant now = clock.instant();
        for (X509CRL crl : crls.current()) {
            if (crl.getNextUpdate() == null) {
                continue;
            }
            Instant next = crl.getNextUpdate().toInstant();
            if (!now.isBefore(next.minus(WARN_BEFORE))) {
                String issuer = crl.getIssuerX500Principal().getName();
                alerts.raiseOnce(Duration.ofDays(1), ErrorCode.CRL_EXPIRING, null, null, "crl:" + issuer,
                        "the CRL of " + issuer + (now.isAfter(next) ? " is out of date since " : " reaches its nextUpdate at ")
                                + next + "; partners of this CA with partner.revocation=require-crl are refused once it is");
            }
        }
    }
}
