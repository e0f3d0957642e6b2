package org.coconnect.exchange;

import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;

/** Which partner a document or a question goes to, by country, refused with one code when none is configured. */
final class PartnerRouting {

    private PartnerRouting() {
    }

    /**
     * The partner serving the country; a {@link RejectionException} with {@link ErrorCode#NO_PARTNER_FOR_COUNTRY}
     * naming the role of the country ("importing", "issuing") and the field it came from when there is none.
     */
    static Partner partnerFor(PartnerDirectory partners, String countryCode, String role, String location) {
        return partners.byCountry(countryCode).orElseThrow(() -> new RejectionException(Problem.error(
                ErrorCode.NO_PARTNER_FOR_COUNTRY, "No partner is configured for " + role + " country " + countryCode + ".",
                location)));
    }
}
