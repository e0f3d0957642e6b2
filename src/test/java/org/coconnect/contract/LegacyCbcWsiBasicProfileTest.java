package org.coconnect.contract;

import java.nio.file.Path;

/** The same WS-I Basic Profile rules, on the legacy CBC profile's WSDL. */
class LegacyCbcWsiBasicProfileTest extends WsiBasicProfileTest {

    @Override
    Path wsdlFile() {
        return Path.of("wsdl", "coconnect-legacy-cbc.wsdl").toAbsolutePath();
    }
}
