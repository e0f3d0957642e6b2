package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.SecurityProfile;
import org.junit.jupiter.api.Test;

/** conf/conformance, the gateway a SoapUI tester talks to, is the demo's ID-DJBC with KR-KCS on the legacy CBC profile. */
class ConformanceConfTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** The keystore password comes from the environment on a fresh clone, where no demo has run yet. */
    private static final Map<String, String> ENV = Map.of("COCONNECT_PARTNER_KEYSTORE_PASSWORD", "not-read-here");

    @Test
    void theConformanceGatewayIsIdOnTheDemoPortWithKrOnTheLegacyCbcProfile() {
        var config = new ConfigLoader(ROOT, ENV).load(ROOT.resolve("conf/conformance"));
        assertEquals("ID-DJBC", config.selfId());
        assertEquals(9443, config.port(), "the SoapUI project's endpoint property");
        var kr = config.partners().stream().filter(p -> p.id().equals("KR-KCS")).findFirst().orElseThrow();
        assertEquals(SecurityProfile.LEGACY_CBC, kr.securityProfile());
    }

    @Test
    void theConformanceGatewayNeverRegeneratesTheDemoKeys() {
        var config = new ConfigLoader(ROOT, ENV).load(ROOT.resolve("conf/conformance"));
        assertFalse(config.keystores().demo(), "regenerating from this directory alone would drop KR from the partner store");
        assertEquals(ROOT.resolve("keystores/id/own.p12"), config.keystores().own());
    }
}
