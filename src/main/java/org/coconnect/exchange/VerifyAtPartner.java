package org.coconnect.exchange;

import java.util.Optional;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.partner.PartnerDirectory;

/** Asks the gateway of a CO's issuing country whether the CO and its reference code are genuine (Annex III, A.53). */
public final class VerifyAtPartner {

    private final PartnerDirectory partners;
    private final RemoteVerification remote;

    public VerifyAtPartner(PartnerDirectory partners, RemoteVerification remote) {
        this.partners = partners;
        this.remote = remote;
    }

    /**
     * Empty when the partner knows no such CO with this code. Throws {@link RejectionException} when no partner
     * serves the country, and {@link PartnerUnavailableException} when the partner cannot be asked or refuses.
     */
    public Optional<CertificateVerification> verify(String issuingCountry, String number, String referenceCode) {
        var partner = PartnerRouting.partnerFor(partners, issuingCountry, "issuing", "$.issuingCountry");
        return remote.verify(partner, issuingCountry, number, referenceCode);
    }
}
