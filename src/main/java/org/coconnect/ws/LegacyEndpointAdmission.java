package org.coconnect.ws;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.Service;
import org.coconnect.config.SecurityProfile;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;

/**
 * The legacy CBC endpoints admit only partners on that profile, decided from the transport's partner before any
 * WS-Security processing: a standard-profile partner's message is not decrypted, verified or parsed there at all.
 * (The endpoint checks the signer's profile again, {@link GatewayEndpoint#requireProfile}.)
 */
final class LegacyEndpointAdmission {

    private LegacyEndpointAdmission() {
    }

    static void check(Message message, Partner transportPartner) {
        Service service = message.getExchange() == null ? null : message.getExchange().getService();
        boolean legacyEndpoint = service != null && Contract.LEGACY_CBC_SERVICE.equals(service.getName());
        if (legacyEndpoint && transportPartner.config().securityProfile() != SecurityProfile.LEGACY_CBC) {
            // A 500 with the generic security code, as for any other downgraded algorithm.
            throw new Fault(new GatewayFault(ErrorCode.ALGORITHM_NOT_ALLOWED, ErrorCode.SECURITY_FAILURE, "partner "
                    + transportPartner.id() + " posted to the legacy CBC endpoint, but its partner.security.profile is "
                    + transportPartner.config().securityProfile().key() + "; refused before WS-Security processing"));
        }
    }
}
