package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.coconnect.config.PartnerConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.AdministrationId;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;
import org.junit.jupiter.api.Test;

/** Who may use which endpoints: the legacy CBC endpoints only serve partners that opted in, SOAP only SOAP partners. */
class LegacyProfileGuardTest {

    private static Partner partner(SecurityProfile profile) {
        var config = new PartnerConfig("KR-KCS", new AdministrationId("KR", "KCS"), "test", null,
                URI.create("https://localhost:1"), List.of(), "KR-KCS", PartnerLimits.defaults(), profile);
        return new Partner(config, List.of(), List.of(), List.of());
    }

    @Test
    void aStandardPartnerAtTheLegacyEndpointIsRefusedAsADisallowedAlgorithm() {
        var fault = assertThrows(GatewayFault.class,
                () -> GatewayEndpoint.requireProfile(SecurityProfile.LEGACY_CBC, partner(SecurityProfile.STANDARD)));
        assertEquals(ErrorCode.ALGORITHM_NOT_ALLOWED, fault.code());
        assertEquals(ErrorCode.SECURITY_FAILURE, fault.partnerCode(), "the partner sees only the generic security code");
    }

    @Test
    void aLegacyPartnerIsServedAtTheLegacyEndpoint() {
        assertDoesNotThrow(() -> GatewayEndpoint.requireProfile(SecurityProfile.LEGACY_CBC, partner(SecurityProfile.LEGACY_CBC)));
    }

    @Test
    void aLegacyPartnerMayStillUseTheStandardEndpoints() {
        assertDoesNotThrow(() -> GatewayEndpoint.requireProfile(SecurityProfile.STANDARD, partner(SecurityProfile.LEGACY_CBC)));
    }

    @Test
    void aPartnerThatAgreedOnTheJsonApiIsRefusedAtTheSoapEndpoints() {
        Partner base = partner(SecurityProfile.STANDARD);
        var json = new Partner(base.config().withProtocol(org.coconnect.config.PartnerProtocol.json(false)), List.of(),
                List.of(), List.of());
        var fault = assertThrows(GatewayFault.class, () -> GatewayEndpoint.requireProfile(SecurityProfile.STANDARD, json));
        assertEquals(ErrorCode.PROTOCOL_NOT_AGREED, fault.code());
        assertEquals(ErrorCode.SECURITY_FAILURE, fault.partnerCode());
    }
}
