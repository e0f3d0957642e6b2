package org.coconnect.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.coconnect.config.Cidr;
import org.coconnect.config.DeliveryConfig;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.config.MonitoringConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.RetentionConfig;
import org.coconnect.config.SecurityProfile;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.domain.AdministrationId;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.security.DemoPki;
import org.coconnect.support.LoopbackPorts;

/**
 * The two benchmark gateways, Korea (exporting, the client side) and Indonesia (importing, the
 * server under test), with demo keys kept between runs and fresh databases for every run.
 */
final class BenchGateways {

    static final AdministrationId KR = new AdministrationId("KR", "KCS");
    static final AdministrationId ID = new AdministrationId("ID", "DJBC");
    static final String ID_PARTNER = "ID-DJBC";
    private static final char[] PASSWORD = "bench-keystore-password".toCharArray();

    /** Where the two databases live: H2 files under the run directory, or two PostgreSQL databases. */
    interface Databases {
        DatabaseSettings forGateway(String name, Path dir);
    }

    private BenchGateways() {
    }

    static Databases h2() {
        return (name, dir) -> DatabaseSettings.h2File(dir.resolve("coconnect"));
    }

    /** Two databases (coconnect_bench_kr, _id) on one server, dropped and created afresh; the user needs CREATEDB. */
    static Databases postgres(String serverUrl, String user, String password) {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        return (name, dir) -> {
            String db = "coconnect_bench_" + name;
            try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + db);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot recreate database " + db + " at " + base + ": " + e.getMessage(), e);
            }
            return new DatabaseSettings(base + db, user, password, 10);
        };
    }

    /**
     * Configurations for KR and ID on free loopback ports; keys are generated once under
     * {@code pki}, data lives under {@code runDir}.
     */
    static List<GatewayConfig> configs(Path pki, Path runDir, Databases databases, int deliveryParallelism) {
        int krPort = freePort();
        int idPort = freePort();
        GatewayConfig kr = config(KR, krPort, pki, runDir.resolve("kr"), databases, deliveryParallelism,
                partner(ID, idPort));
        GatewayConfig id = config(ID, idPort, pki, runDir.resolve("id"), databases, deliveryParallelism,
                partner(KR, krPort));
        new DemoPki(pki.resolve("ca")).ensure(List.of(kr, id));
        return List.of(kr, id);
    }

    /** The same client configuration, with the partner ID reached at another port (the bare endpoint). */
    static GatewayConfig pointedAt(GatewayConfig client, int port) {
        return client.withPartners(List.of(partner(ID, port)));
    }

    private static GatewayConfig config(AdministrationId self, int port, Path pki, Path dataDir, Databases databases,
                                        int deliveryParallelism, PartnerConfig partner) {
        String name = self.countryCode().toLowerCase();
        var keystores = new KeystoreConfig(pki.resolve(name + "/own.p12"), pki.resolve(name + "/partners.p12"),
                pki.resolve(name + "/trust.p12"), PASSWORD, true, pki.resolve(name + "/inbound-credentials"),
                pki.resolve(name + "/outbound-credentials"));
        var defaults = DeliveryConfig.defaults();
        var delivery = new DeliveryConfig(defaults.retrySchedule(), Duration.ofMillis(200), defaults.lease(),
                deliveryParallelism);
        // The local interface is off: the bench drives the gateways in-process.
        return new GatewayConfig(self, "bench", "127.0.0.1", port, databases.forGateway(name, dataDir), keystores,
                Duration.ofMinutes(5), Duration.ofMinutes(5), List.of(partner), dataDir, delivery, RetentionConfig.defaults(),
                MonitoringConfig.defaults(), new LocalApiConfig("127.0.0.1", 0, null, null));
    }

    private static PartnerConfig partner(AdministrationId administration, int port) {
        String id = administration.countryCode() + "-" + administration.authorityId();
        // Limits far above any bench load: the bench measures the gateway, not its throttle.
        return new PartnerConfig(id, administration, "bench", null, URI.create("https://localhost:" + port),
                List.of(Cidr.parse("127.0.0.0/8")), id, new PartnerLimits(4096, 100_000_000, Duration.ofMinutes(1)),
                SecurityProfile.STANDARD);
    }

    /**
     * A loopback port below the kernel's ephemeral range: the storm and the backlog drain start a gateway again
     * on the same port, and a port from the ephemeral range may meanwhile be taken by any outgoing connection.
     */
    static int freePort() {
        return LoopbackPorts.reserve();
    }
}
