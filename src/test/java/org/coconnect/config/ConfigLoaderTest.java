package org.coconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
            local.port=0
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
                partner.allowed-ips=203.0.113.0/24, 2001:db8::/32
                """));
        assertEquals("KR-KCS", config.selfId());
        assertEquals("https://prod.coconnect.beacukai.go.id/send-co",
                config.partners().get(0).operationUrl("send-co").toString());
        assertEquals("secret", new String(config.keystores().password()), "the password comes from the environment");
        assertTrue(config.database().jdbcUrl().startsWith("jdbc:h2:file:"));
        var partner = config.partners().get(0);
        assertTrue(partner.allows(java.net.InetAddress.getByName("203.0.113.77")));
        assertTrue(partner.allows(java.net.InetAddress.getByName("2001:db8::1")));
        assertTrue(!partner.allows(java.net.InetAddress.getByName("198.51.100.1")));
        assertEquals("ID-DJBC", partner.inboundUser(), "the login defaults to the partner ID");
    }

    @Test
    void anAllowlistEntryThatIsNoNetworkIsRefused() throws IOException {
        Path conf = conf(VALID, "ID-DJBC.properties",
                "partner.country=ID\npartner.authority=DJBC\npartner.endpoint.domain=x.id\npartner.allowed-ips=partner.example\n");
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'partner.allowed-ips'"), e.getMessage());
    }

    @Test
    void noProxyIsTrustedByDefaultAndTrustedProxiesAreReadAsNetworks() throws IOException {
        assertEquals(List.of(), load(conf(VALID, null, null)).trustedProxies());
        var config = load(conf(VALID + "server.trusted-proxies=10.0.0.0/8, 2001:db8::1\n", null, null));
        assertEquals(List.of("10.0.0.0/8", "2001:db8:0:0:0:0:0:1/128"), config.trustedProxies().stream().map(Cidr::toString).toList());
    }

    @Test
    void aTrustedProxyThatIsNoNetworkIsRefusedNamingTheFileAndTheKey() throws IOException {
        Path conf = conf(VALID + "server.trusted-proxies=proxy.example\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("gateway.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("'server.trusted-proxies'"), e.getMessage());
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
    void watchdogAndAlertSettingsDefaultToFiveMinutesTwoHoursAndSixtyDays() throws IOException {
        var monitoring = load(conf(VALID, null, null)).monitoring();
        assertEquals(new MonitoringConfig(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(60)), monitoring);
    }

    @Test
    void watchdogAndAlertSettingsAreReadAsIsoDurations() throws IOException {
        var monitoring = load(conf(VALID + """
                watchdog.interval=PT1M
                alerts.stuck-after=PT30M
                alerts.certificate-expiry-warning=P90D
                """, null, null)).monitoring();
        assertEquals(new MonitoringConfig(Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofDays(90)), monitoring);
    }

    @Test
    void theInquiryAlertThresholdDefaultsToThreeDaysAndIsReadAsAnIsoDuration() throws IOException {
        assertEquals(Duration.ofDays(3), load(conf(VALID, null, null)).monitoring().inquiryUnansweredAfter());
        var monitoring = load(conf(VALID + "alerts.inquiry-unanswered-after=PT36H\n", null, null)).monitoring();
        assertEquals(Duration.ofHours(36), monitoring.inquiryUnansweredAfter());
    }

    @Test
    void aNegativeInquiryAlertThresholdIsRefusedNamingTheKey() throws IOException {
        Path conf = conf(VALID + "alerts.inquiry-unanswered-after=-P1D\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'alerts.inquiry-unanswered-after'"), e.getMessage());
    }

    @Test
    void aZeroWatchdogIntervalIsRefusedNamingTheKey() throws IOException {
        Path conf = conf(VALID + "watchdog.interval=PT0S\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'watchdog.interval'") && e.getMessage().contains("greater than zero"),
                e.getMessage());
    }

    @Test
    void aZeroPayloadRetentionIsRefusedNamingTheFileAndKey() throws IOException {
        Path conf = conf(VALID + "retention.payloads-for=PT0S\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("gateway.properties") && e.getMessage().contains("'retention.payloads-for'")
                && e.getMessage().contains("at least 7 days"), e.getMessage());
    }

    @Test
    void aPayloadRetentionShorterThanAWeekIsRefused() throws IOException {
        Path conf = conf(VALID + "retention.payloads-for=PT17H\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'retention.payloads-for'"), e.getMessage());
    }

    @Test
    void aZeroEnvelopeRetentionIsRefusedNamingTheFileAndKey() throws IOException {
        Path conf = conf(VALID + "retention.envelopes-for=PT0S\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("gateway.properties") && e.getMessage().contains("'retention.envelopes-for'"),
                e.getMessage());
    }

    @Test
    void envelopesKeptShorterThanPayloadsAreRefused() throws IOException {
        Path conf = conf(VALID + "retention.payloads-for=P30D\nretention.envelopes-for=P10D\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'retention.envelopes-for'") && e.getMessage().contains("retention.payloads-for"),
                e.getMessage());
    }

    @Test
    void retentionPeriodsOfAWeekOrMoreAreRead() throws IOException {
        var retention = load(conf(VALID + "retention.payloads-for=P7D\nretention.envelopes-for=P7D\n", null, null)).retention();
        assertEquals(Duration.ofDays(7), retention.payloadsFor());
        assertEquals(Duration.ofDays(7), retention.envelopesFor());
        assertEquals(RetentionConfig.defaults(), load(conf(VALID, null, null)).retention());
    }

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private Path withLocalInterface(String extra) throws IOException {
        return conf(VALID.replace("local.port=0\n", "") + extra, null, null);
    }

    @Test
    void theLocalInterfaceDefaultsToLoopbackPort8480WithTheTokenFromItsFile() throws IOException {
        Path conf = withLocalInterface("");
        Files.createDirectories(dir.resolve("keystores/kr"));
        org.coconnect.security.PrivateFiles.write(dir.resolve("keystores/kr/local-token"), (TOKEN + "\n").getBytes());
        LocalApiConfig local = load(conf).localApi();
        assertEquals("127.0.0.1", local.host());
        assertEquals(8480, local.port());
        assertEquals(TOKEN, new String(local.token()));
        assertFalse(local.toString().contains(TOKEN), "the token never reaches a log");
    }

    @Test
    void aDemoGatewayGeneratesItsLocalTokenForItsOwnerOnly() throws IOException {
        Path conf = withLocalInterface("keystores.demo=true\nlocal.token.file=secrets/token\n");
        LocalApiConfig local = load(conf).localApi();
        Path file = dir.resolve("secrets/token");
        assertEquals(Files.readString(file), new String(local.token()));
        assertTrue(local.token().length >= 32);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void withoutATokenFileTheLocalInterfaceIsRefusedNamingTheKey() throws IOException {
        Path conf = withLocalInterface("");
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'local.token.file'") && e.getMessage().contains("local.port=0"),
                e.getMessage());
    }

    @Test
    void aShortTokenIsRefused() throws IOException {
        Path conf = withLocalInterface("local.token.file=token\n");
        org.coconnect.security.PrivateFiles.write(dir.resolve("token"), "secret".getBytes());
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
    }

    @Test
    void aTokenFileOtherUsersMayReadIsRefusedAtStartUp() throws IOException {
        Path conf = withLocalInterface("local.token.file=token\n");
        Files.writeString(dir.resolve("token"), TOKEN);
        Files.setPosixFilePermissions(dir.resolve("token"), PosixFilePermissions.fromString("rw-r--r--"));
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'local.token.file'") && e.getMessage().contains("chmod 600"), e.getMessage());
    }

    private Path withClients(String clients) throws IOException {
        Path conf = withLocalInterface("local.token.file=token\nlocal.clients.file=clients.properties\n");
        org.coconnect.security.PrivateFiles.write(dir.resolve("token"), TOKEN.getBytes());
        org.coconnect.security.PrivateFiles.write(dir.resolve("clients.properties"), clients.getBytes());
        return conf;
    }

    private static final String CUSTOMS = "customs.credential-sha256=" + "ab".repeat(32) + "\n"
            + "customs.scopes=decide, read\n";

    @Test
    void clientsAreReadWithTheirScopesAndCallbacks() throws IOException {
        Path conf = withClients(CUSTOMS + "customs.notification-secret=" + TOKEN + "\n"
                + "customs.callback.co-received=https://customs.example/hooks/co\n"
                + "monitor.credential-sha256=" + "cd".repeat(32) + "\nmonitor.scopes=monitor\n");
        var clients = load(conf).localApi().clients();
        assertEquals(List.of("customs", "monitor"), clients.stream().map(LocalClientConfig::id).toList());
        assertEquals(java.util.Set.of(LocalScope.DECIDE, LocalScope.READ), clients.get(0).scopes());
        assertEquals(java.net.URI.create("https://customs.example/hooks/co"), clients.get(0).callbacks().get("co-received"));
        assertFalse(clients.toString().contains(TOKEN), "the notification secret never reaches a log");
    }

    @Test
    void aClientsFileOtherUsersMayReadIsRefusedAtStartUp() throws IOException {
        Path conf = withClients(CUSTOMS);
        Files.setPosixFilePermissions(dir.resolve("clients.properties"), PosixFilePermissions.fromString("rw-r-----"));
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'local.clients.file'") && e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void anUnknownScopeIsRefusedNamingTheKey() throws IOException {
        Path conf = withClients(CUSTOMS.replace("decide, read", "decide, everything"));
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'customs.scopes'") && e.getMessage().contains("everything"), e.getMessage());
    }

    @Test
    void aCallbackForAnUnknownEventKindIsRefused() throws IOException {
        Path conf = withClients(CUSTOMS + "customs.notification-secret=" + TOKEN + "\n"
                + "customs.callback.co-arrived=https://customs.example/hooks/co\n");
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("'customs.callback.co-arrived'"), e.getMessage());
    }

    @Test
    void listeningBeyondLoopbackNeedsTls() throws IOException {
        Path plain = withLocalInterface("local.token.file=token\nlocal.host=0.0.0.0\n");
        org.coconnect.security.PrivateFiles.write(dir.resolve("token"), TOKEN.getBytes());
        var e = assertThrows(ConfigException.class, () -> load(plain));
        assertTrue(e.getMessage().contains("'local.host'") && e.getMessage().contains("local.tls=true"), e.getMessage());

        Path tls = withLocalInterface("local.token.file=token\nlocal.host=0.0.0.0\nlocal.tls=true\n");
        assertTrue(load(tls).localApi().tls());
    }

    @Test
    void theOperatorCommandsReadTheLocalSettingsWithoutTheKeystorePassword() throws IOException {
        Path conf = withLocalInterface("local.port=9999\nlocal.token.file=token\n");
        org.coconnect.security.PrivateFiles.write(dir.resolve("token"), TOKEN.getBytes());
        LocalApiConfig local = new ConfigLoader(dir, Map.of()).localApi(conf);
        assertEquals(9999, local.port());
        assertEquals(TOKEN, new String(local.token()));
    }

    @Test
    void aPartnerIsOnTheStandardSecurityProfileUnlessItOptsInToLegacyCbc() throws IOException {
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                """;
        assertEquals(SecurityProfile.STANDARD, load(conf(VALID, "ID-DJBC.properties", partner)).partners().get(0).securityProfile());
        var legacy = load(conf(VALID, "ID-DJBC.properties", partner + "partner.security.profile=legacy-cbc\n"));
        assertEquals(SecurityProfile.LEGACY_CBC, legacy.partners().get(0).securityProfile());
    }

    @Test
    void aPartnerSpeaksSoapUnlessItsProtocolIsJsonWithOrWithoutEncryption() throws IOException {
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                """;
        assertEquals(PartnerProtocol.SOAP, load(conf(VALID, "ID-DJBC.properties", partner)).partners().get(0).protocol());
        assertEquals(PartnerProtocol.json(false), load(conf(VALID, "ID-DJBC.properties", partner
                + "partner.protocol=json\n")).partners().get(0).protocol());
        assertEquals(PartnerProtocol.json(true), load(conf(VALID, "ID-DJBC.properties", partner
                + "partner.protocol=json\npartner.json.encrypt=true\n")).partners().get(0).protocol());
    }

    @Test
    void anUnknownProtocolOrEncryptionForSoapIsRefusedWithItsKey() throws IOException {
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                """;
        var unknown = assertThrows(ConfigException.class, () -> load(conf(VALID, "ID-DJBC.properties",
                partner + "partner.protocol=rest\n")));
        assertTrue(unknown.getMessage().contains("partner.protocol"), unknown.getMessage());
        var soap = assertThrows(ConfigException.class, () -> load(conf(VALID, "ID-DJBC.properties",
                partner + "partner.json.encrypt=true\n")));
        assertTrue(soap.getMessage().contains("partner.json.encrypt"), soap.getMessage());
    }

    @Test
    void anUnknownSecurityProfileIsRefusedWithItsKey() throws IOException {
        Path conf = conf(VALID, "ID-DJBC.properties", """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                partner.security.profile=aes-cbc-please
                """);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("partner.security.profile"), e.getMessage());
    }

    @Test
    void aPartnersRevocationPolicyAndServerPinAreReadAndSoftFailWithoutAPinIsTheDefault() throws IOException {
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                """;
        assertEquals(PartnerTrust.DEFAULT, load(conf(VALID, "ID-DJBC.properties", partner)).partners().get(0).trust());
        String pin = "AB:".repeat(31) + "AB";
        var trust = load(conf(VALID, "ID-DJBC.properties", partner + "partner.revocation=require-crl\n"
                + "partner.tls.server-sha256=" + pin + "\n")).partners().get(0).trust();
        assertEquals(RevocationPolicy.REQUIRE_CRL, trust.revocation());
        assertEquals(java.util.Optional.of("ab".repeat(32)), trust.pinnedServerSha256());
    }

    @Test
    void anUnknownRevocationPolicyOrAShortPinIsRefusedNamingTheKey() throws IOException {
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                """;
        var policy = assertThrows(ConfigException.class,
                () -> load(conf(VALID, "ID-DJBC.properties", partner + "partner.revocation=sometimes\n")));
        assertTrue(policy.getMessage().contains("partner.revocation"), policy.getMessage());
        var pin = assertThrows(ConfigException.class,
                () -> load(conf(VALID, "ID-DJBC.properties", partner + "partner.tls.server-sha256=abcd\n")));
        assertTrue(pin.getMessage().contains("partner.tls.server-sha256"), pin.getMessage());
    }

    @Test
    void theVerificationPortalIsOffUnlessItsPortIsSetAndLookupsDefaultTo30AMinute() throws IOException {
        var verification = load(conf(VALID, null, null)).verification();
        assertFalse(verification.portalEnabled());
        assertEquals(30, verification.requests());
        assertEquals(Duration.ofMinutes(1), verification.per());
    }

    @Test
    void theVerificationPortalAndItsRateAreRead() throws IOException {
        var verification = load(conf(VALID + """
                verification.portal.host=0.0.0.0
                verification.portal.port=8444
                verification.rate-limit=5/PT10M
                """, null, null)).verification();
        assertEquals(new VerificationConfig("0.0.0.0", 8444, 5, Duration.ofMinutes(10)), verification);
    }

    @Test
    void aBadLookupRateIsRefusedNamingTheKey() throws IOException {
        Path conf = conf(VALID + "verification.rate-limit=lots\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("verification.rate-limit"), e.getMessage());
    }

    @Test
    void listenerAndPartnerBodyLimitsAreReadWithDefaults() throws IOException {
        assertEquals(ListenerLimits.defaults(), load(conf(VALID, null, null)).listener());
        String partner = """
                partner.country=ID
                partner.authority=DJBC
                partner.endpoint.url=https://localhost:9443
                partner.allowed-ips=127.0.0.1
                partner.max-bytes-in-flight=2000000
                """;
        var config = load(conf(VALID + """
                server.max-body-bytes=1000000
                server.max-lookup-body-bytes=4096
                server.max-bytes-in-flight=3000000
                server.idle-timeout=PT10S
                """, "ID-DJBC.properties", partner));
        assertEquals(new ListenerLimits(1_000_000, 4096, 3_000_000, Duration.ofSeconds(10)), config.listener());
        assertEquals(2_000_000, config.partners().get(0).limits().maxBytesInFlight());
    }

    @Test
    void bodiesInFlightBelowOneLargestBodyAreRefusedNamingTheKey() throws IOException {
        Path conf = conf(VALID + "server.max-body-bytes=1000000\nserver.max-bytes-in-flight=999999\n", null, null);
        var e = assertThrows(ConfigException.class, () -> load(conf));
        assertTrue(e.getMessage().contains("gateway.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("server.max-bytes-in-flight"), e.getMessage());
    }
}
