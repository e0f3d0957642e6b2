package org.coconnect;

import java.time.Clock;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.RevocationPolicy;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CertificateChecks;
import org.coconnect.security.CertificateFactoryBc;

/** Partner certificates are checked in full at start-up; each one refused is logged and raises an alert. */
final class PartnerCertificateAcceptance {

    private PartnerCertificateAcceptance() {
    }

    static PartnerDirectory.CertificateAcceptance of(CertificateChecks checks, GatewayConfig config, Alerts alerts,
                                                     Clock clock) {
        return (partnerId, cert, role) -> {
            var purpose = switch (role) {
                case SIGNING -> CertificateFactoryBc.Purpose.SIGNING;
                case ENCRYPTION -> CertificateFactoryBc.Purpose.ENCRYPTION;
                case TLS -> CertificateFactoryBc.Purpose.TLS;
            };
            var policy = config.partners().stream().filter(p -> p.id().equals(partnerId)).findFirst()
                    .map(p -> p.trust().revocation()).orElse(RevocationPolicy.SOFT_FAIL);
            var problems = checks.check(cert, purpose, clock.instant(), policy);
            if (!problems.isEmpty()) {
                alerts.raise(ErrorCode.CERTIFICATE_NOT_TRUSTED, partnerId, null, role.aliasSegment() + " certificate "
                        + cert.getSubjectX500Principal() + " serial " + cert.getSerialNumber().toString(16)
                        + " is not used: " + String.join("; ", problems));
            }
            return problems;
        };
    }
}
