package org.coconnect.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.config.Cidr;
import org.coconnect.config.DeliveryConfig;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.config.MonitoringConfig;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.RetentionConfig;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.AdministrationId;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.security.DemoPki;

/**
 * Two gateway configurations for tests, Korea (KR-KCS) and Indonesia (ID-DJBC), each other's partner,
 * with real demo keys (generated once per build under target/test-pki) and fresh databases: H2 files in
 * a directory of the test's own unless the test asks for PostgreSQL.
 */
public final class TestGateways {

    public static final AdministrationId KR = new AdministrationId("KR", "KCS");
    public static final AdministrationId ID = new AdministrationId("ID", "DJBC");
    public static final String KR_ID = "KR-KCS";
    public static final String ID_ID = "ID-DJBC";
    private static final Path PKI = Path.of("target", "test-pki").toAbsolutePath();
    private static final char[] PASSWORD = "test-keystore-password".toCharArray();
    /** The bearer token of every test gateway's local interface. */
    public static final String LOCAL_TOKEN = "test-local-token-0123456789abcdef";

    private TestGateways() {
    }

    /** Configurations for KR and ID on free ports, keys ready, H2 databases under dataDir. */
    public static List<GatewayConfig> configs(Path dataDir) {
        return configs(dataDir, TestDatabase.H2);
    }

    /** Configurations for KR and ID on free ports, keys ready, each with a fresh database of the given kind. */
    public static List<GatewayConfig> configs(Path dataDir, TestDatabase database) {
        return configs(dataDir, database.newDatabase(dataDir.resolve("kr")), database.newDatabase(dataDir.resolve("id")));
    }

    /** Configurations for KR and ID on free ports, keys ready, on the databases given. */
    public static List<GatewayConfig> configs(Path dataDir, DatabaseSettings krDatabase, DatabaseSettings idDatabase) {
        int krPort = freePort();
        int idPort = freePort();
        GatewayConfig kr = config(KR, krPort, dataDir.resolve("kr"), krDatabase, partner(ID, idPort));
        GatewayConfig id = config(ID, idPort, dataDir.resolve("id"), idDatabase, partner(KR, krPort));
        synchronized (TestGateways.class) {
            new DemoPki(PKI.resolve("ca")).ensure(List.of(kr, id));
        }
        return List.of(kr, id);
    }

    public static GatewayConfig config(AdministrationId self, int port, Path dataDir, PartnerConfig... partners) {
        return config(self, port, dataDir, DatabaseSettings.h2File(dataDir.resolve("coconnect")), partners);
    }

    public static GatewayConfig config(AdministrationId self, int port, Path dataDir, DatabaseSettings database,
                                       PartnerConfig... partners) {
        String name = self.countryCode().toLowerCase();
        var keystores = new KeystoreConfig(PKI.resolve(name + "/own.p12"), PKI.resolve(name + "/partners.p12"),
                PKI.resolve(name + "/trust.p12"), PASSWORD, true, PKI.resolve(name + "/inbound-credentials"),
                PKI.resolve(name + "/outbound-credentials"));
        return new GatewayConfig(self, "test", "127.0.0.1", port, database,
                keystores, Duration.ofMinutes(5), Duration.ofMinutes(5), List.of(partners), dataDir,
                DeliveryConfig.defaults(), RetentionConfig.defaults(), MonitoringConfig.defaults(),
                new LocalApiConfig("127.0.0.1", freePort(), dataDir.resolve("local-token"), LOCAL_TOKEN.toCharArray()));
    }

    public static PartnerConfig partner(AdministrationId administration, int port) {
        String id = administration.countryCode() + "-" + administration.authorityId();
        return new PartnerConfig(id, administration, "test", null, URI.create("https://localhost:" + port),
                List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")), id, PartnerLimits.defaults(),
                SecurityProfile.STANDARD);
    }

    public static Gateway start(GatewayConfig config) {
        return Gateway.start(config, Clock.systemUTC());
    }

    /** A loopback port reserved for this test JVM; see {@link LoopbackPorts} for why not port 0. */
    public static int freePort() {
        return LoopbackPorts.reserve();
    }
}
