package org.coconnect.exchange;

import java.util.Optional;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.partner.Partner;

/** The port through which a verification lookup (Annex III, A.53) reaches a partner's gateway; client/ implements it. */
public interface RemoteVerification {

    /** Empty when the partner answers NOT_FOUND; throws {@link PartnerUnavailableException} when it cannot be asked or refuses. */
    Optional<CertificateVerification> verify(Partner partner, String issuingCountry, String number, String referenceCode);
}
