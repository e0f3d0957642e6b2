package org.coconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path conf(String gateway, String partnerFile, String partner) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("partners"));
        Files.writeString(conf.resolve("gateway.properties"), gateway);
        if (partnerFile != null) {
            Files.writeString(conf.resolve("partners").resolve(partnerFile), partner);
        }
        return conf;
    }

    private static final String VALID = """
            gateway.country=KR
            gateway.authority=KCS
            server.port=8443
            keystores.own=keystores/kr/own.p12
            keystores.partners=keystores/kr/partners.p12
            keystores.trust=keystores/kr/trust.p12
            keystores.password.file=keystores/kr/password
            """;

    private GatewayConfig load(Path conf) {
        return new ConfigLoader(dir, Map.of("COCONNECT_KEYSTORE_PASSWORD", "secret")).load(conf);
    }

    @Test
    void aValidConfigurationIsReadWithPartnersAndTheFrameworksEndpointPattern() throws IOException {
        var config = load(conf(VALID, "ID-DJBC.properties", """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.environment=prod
                partner.endpoint.domain=beacukai.go.id
                """));
        assertEquals("KR-KCS", config.selfId());
        assertEquals("https://prod.coconnect.beacukai.go.id/send-co",
                config.partners().get(0).operationUrl("send-co").toString());
        assertEquals("secret", new String(config.keystores().password()), "the password comes from the environment");
        assertTrue(config.database().jdbcUrl().startsWith("jdbc:h2:file:"));
    }

    @Test
    void aBadValueNamesTheFileAndTheKey() throws IOException {
        Path conf = conf(VALID.replace("server.port=8443", "server.port=eighty"), null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("gateway.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("'server.port'"), e.getMessage());
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        Path conf = conf(VALID.replace("gateway.authority=KCS\n", ""), null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'gateway.authority': is required"), e.getMessage());
    }

    @Test
    void aPartnerWithoutEndpointIsRefusedNamingItsFile() throws IOException {
        Path conf = conf(VALID, "ID-DJBC.properties", "partner.country=ID\npartner.authority=DJBC\n");
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("ID-DJBC.properties") && e.getMessage().contains("partner.endpoint.domain"),
                e.getMessage());
    }

    @Test
    void aCountryMustBeAnIsoCode() throws IOException {
        Path conf = conf(VALID.replace("gateway.country=KR", "gateway.country=Korea"), null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("ISO 3166-1"), e.getMessage());
    }

    @Test
    void aPartnerIsOnTheStandardSecurityProfileUnlessItOptsInToLegacyCbc() throws IOException {
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                """;
        assertEquals(SecurityProfile.STANDARD, load(conf(VALID, "ID-DJBC.properties", partner)).partners().get(0).securityProfile());
        var legacy = load(conf(VALID, "ID-DJBC.properties", partner + "partner.security.profile=legacy-cbc\n"));
        assertEquals(SecurityProfile.LEGACY_CBC, legacy.partners().get(0).securityProfile());
    }

    @Test
    void anUnknownSecurityProfileIsRefusedWithItsKey() throws IOException {
        Path conf = conf(VALID, "ID-DJBC.properties", """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.security.profile=aes-cbc-please
                """);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("partner.security.profile"), e.getMessage());
    }
}
