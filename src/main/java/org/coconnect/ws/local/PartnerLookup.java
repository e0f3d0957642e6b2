package org.coconnect.ws.local;

import java.util.Optional;
import org.coconnect.domain.CertificateVerification;

/** Asks the gateway of a CO's issuing country about the CO (Annex III, A.53), for our importing side's officers. */
@FunctionalInterface
public interface PartnerLookup {

    /**
     * Empty when the partner answers NOT_FOUND (unknown number or wrong code). Throws
     * {@link org.coconnect.exchange.RejectionException} when no partner serves the country, and
     * {@link org.coconnect.exchange.PartnerUnavailableException} when the partner cannot be asked or refuses.
     */
    Optional<CertificateVerification> verify(String issuingCountry, String number, String referenceCode);

}
