package org.coconnect.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.RetrySchedule;
import org.coconnect.security.PrivateFiles;
import org.coconnect.security.RandomSecret;

/**
 * Reads and validates a gateway's configuration: {@code gateway.properties} and one
 * {@code partners/<id>.properties} per partner in the given directory. Relative paths are resolved
 * against the base directory (the directory the command runs in).
 */
public final class ConfigLoader {

    private final Path baseDir;
    private final Map<String, String> environment;
    private final boolean demoKeysAsked;

    public ConfigLoader(Path baseDir, Map<String, String> environment) {
        this(baseDir, environment, false);
    }

    private ConfigLoader(Path baseDir, Map<String, String> environment, boolean demoKeysAsked) {
        this.baseDir = baseDir;
        this.environment = environment;
        this.demoKeysAsked = demoKeysAsked;
    }

    /** A loader for the demo command, which asks for demo keys whatever keystores.demo says. */
    public ConfigLoader askingForDemoKeys() {
        return new ConfigLoader(baseDir, environment, true);
    }

    /** keystores.demo (default false): only a demo configuration, or the demo command, generates keys. */
    private boolean demo(PropertiesFile file) {
        return demoKeysAsked || file.bool("keystores.demo", false);
    }

    public GatewayConfig load(Path confDir) {
        var file = PropertiesFile.read(confDir.resolve("gateway.properties"));
        var self = new AdministrationId(file.country("gateway.country"), file.required("gateway.authority"));
        Path dataDir = resolve(file.optional("data.dir", "data/" + self.countryCode().toLowerCase()));
        return new GatewayConfig(
                self,
                file.optional("gateway.environment", "dev"),
                file.optional("server.host", "127.0.0.1"),
                file.port("server.port", 8443),
                database(file, dataDir),
                keystores(file),
                file.duration("security.clock-skew", Duration.ofMinutes(5)),
                file.duration("security.timestamp-ttl", Duration.ofMinutes(5)),
                partners(confDir.resolve("partners")),
                dataDir,
                delivery(file),
                RetentionConfig.checked(file.name(), file.duration("retention.payloads-for", RetentionConfig.defaults().payloadsFor()),
                        file.duration("retention.envelopes-for", RetentionConfig.defaults().envelopesFor())),
                monitoring(file),
                localApi(file, self.countryCode()),
                VerificationConfig.read(file),
                trustedProxies(file),
                new AuditConfig(resolve(file.optional("audit.checkpoint.file", dataDir.resolve("audit-checkpoints").toString())),
                        file.positiveDuration("audit.checkpoint.interval", AuditConfig.defaults(dataDir).checkpointInterval())),
                ListenerLimits.read(file), MailConfig.read(file, this::resolve));
    }

    /**
     * server.shutdown-grace: how long a stopping gateway waits for requests and deliveries in flight
     * (default 30 seconds). Read by serve only, so it is not part of {@link GatewayConfig}.
     */
    public Duration shutdownGrace(Path confDir) {
        return PropertiesFile.read(confDir.resolve("gateway.properties"))
                .positiveDuration("server.shutdown-grace", Duration.ofSeconds(30));
    }

    /** Empty (the default) trusts no proxy: X-Forwarded-For is then never read. */
    private static List<Cidr> trustedProxies(PropertiesFile file) {
        String value = file.optional("server.trusted-proxies", "");
        return value.isBlank() ? List.of() : cidrList(file, "server.trusted-proxies", value);
    }

    private MonitoringConfig monitoring(PropertiesFile file) {
        var defaults = MonitoringConfig.defaults();
        return new MonitoringConfig(file.positiveDuration("watchdog.interval", defaults.watchdogInterval()),
                file.positiveDuration("alerts.stuck-after", defaults.stuckAfter()),
                file.positiveDuration("alerts.certificate-expiry-warning", defaults.certificateExpiryWarning()),
                file.positiveDuration("alerts.inquiry-unanswered-after", defaults.inquiryUnansweredAfter()));
    }

    /**
     * Only the local interface's settings, for the operator commands that talk to a running gateway:
     * they need its address and token, not its keystores or database.
     */
    public LocalApiConfig localApi(Path confDir) {
        var file = PropertiesFile.read(confDir.resolve("gateway.properties"));
        return localApi(file, file.country("gateway.country"));
    }

    private LocalApiConfig localApi(PropertiesFile file, String country) {
        return LocalApiSettings.read(file, country, this::resolve, demo(file));
    }

    private DeliveryConfig delivery(PropertiesFile file) {
        var defaults = DeliveryConfig.defaults();
        String marks = file.optional("delivery.retry-marks", null);
        RetrySchedule schedule = defaults.retrySchedule();
        if (marks != null) {
            try {
                schedule = RetrySchedule.parse(marks);
            } catch (RuntimeException e) {
                throw new ConfigException(file.name(), "delivery.retry-marks",
                        "must be increasing ISO-8601 durations separated by commas, e.g. PT10M,PT20M,PT2H; " + e.getMessage());
            }
        }
        return new DeliveryConfig(schedule, file.duration("delivery.poll-interval", defaults.pollInterval()),
                file.duration("delivery.lease", defaults.lease()), file.positiveInt("delivery.parallelism",
                defaults.parallelism()));
    }

    private DatabaseSettings database(PropertiesFile file, Path dataDir) {
        String url = file.optional("database.url", null);
        int pool = file.positiveInt("database.pool-size", 10);
        if (url == null) {
            DatabaseSettings h2 = DatabaseSettings.h2File(dataDir.resolve("coconnect"));
            return new DatabaseSettings(h2.jdbcUrl(), h2.user(), h2.password(), pool);
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(file.name(), "database.url", "must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        String passwordVariable = file.optional("database.password.env", "COCONNECT_DB_PASSWORD");
        String password = environment.getOrDefault(passwordVariable, "");
        var settings = new DatabaseSettings(url, file.optional("database.user", ""), password, pool);
        try {
            settings.connectionUrl();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.name(), "database.url", e.getMessage());
        }
        return settings;
    }

    private KeystoreConfig keystores(PropertiesFile file) {
        boolean demo = demo(file);
        Path passwordFile = resolve(file.required("keystores.password.file"));
        String variable = file.optional("keystores.password.env", "COCONNECT_KEYSTORE_PASSWORD");
        char[] password = password(file, variable, passwordFile, demo);
        Path own = resolve(file.required("keystores.own"));
        Path secrets = own.getParent();
        return new KeystoreConfig(own, resolve(file.required("keystores.partners")),
                resolve(file.required("keystores.trust")), password, demo,
                resolve(file.optional("credentials.inbound.file", secrets.resolve("inbound-credentials").toString())),
                resolve(file.optional("credentials.outbound.file", secrets.resolve("outbound-credentials").toString())));
    }

    private char[] password(PropertiesFile file, String variable, Path passwordFile, boolean demo) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        try {
            if (Files.isRegularFile(passwordFile)) {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            }
            if (demo) {
                // Demo material only: a fresh random password, kept beside the generated keystores.
                return writeRandomSecret(passwordFile, 18).toCharArray();
            }
        } catch (IOException e) {
            throw new ConfigException(file.name(), "keystores.password.file", "cannot be read: " + e.getMessage());
        }
        throw new ConfigException(file.name(), "keystores.password.file",
                "no keystore password: set " + variable + " or create " + passwordFile);
    }

    /** Writes a fresh random secret (hex) to a new file that only its owner may read (see {@link PrivateFiles}). */
    private static String writeRandomSecret(Path file, int bytes) throws IOException {
        String generated = RandomSecret.hex(bytes);
        PrivateFiles.write(file, generated.getBytes(StandardCharsets.UTF_8));
        return generated;
    }

    private List<PartnerConfig> partners(Path partnersDir) {
        var partners = new ArrayList<PartnerConfig>();
        if (!Files.isDirectory(partnersDir)) {
            return partners;
        }
        try (Stream<Path> files = Files.list(partnersDir)) {
            for (Path path : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                partners.add(partner(path));
            }
        } catch (IOException e) {
            throw new ConfigException(partnersDir.toString(), null, "cannot be listed: " + e.getMessage());
        }
        return partners;
    }

    private PartnerConfig partner(Path path) {
        var file = PropertiesFile.read(path);
        String id = path.getFileName().toString().replaceFirst("\\.properties$", "");
        var administration = new AdministrationId(file.country("partner.country"), file.required("partner.authority"));
        String expectedId = administration.countryCode() + "-" + administration.authorityId();
        if (!id.equals(expectedId)) {
            throw new ConfigException(file.name(), "partner.authority",
                    "the file must be named after the partner, " + expectedId + ".properties");
        }
        var url = file.httpsUri("partner.endpoint.url");
        String environmentName = file.optional("partner.endpoint.environment", "prod");
        String domain = file.optional("partner.endpoint.domain", null);
        PartnerMail mail = PartnerMail.read(file);
        if (url == null && domain == null && mail == null) {
            throw new ConfigException(file.name(), "partner.endpoint.domain",
                    "set partner.endpoint.domain (pattern https://{environment}.coconnect.{domain}) or partner.endpoint.url");
        }
        String profileKey = file.optional("partner.security.profile", SecurityProfile.STANDARD.key());
        var profile = SecurityProfile.byKey(profileKey).orElseThrow(() -> new ConfigException(file.name(),
                "partner.security.profile", "must be standard or legacy-cbc, not '" + profileKey + "'"));
        return new PartnerConfig(id, administration, environmentName, domain, url, cidrList(file, "partner.allowed-ips",
                file.required("partner.allowed-ips")), file.optional("partner.inbound.user", id), limits(file), profile,
                PartnerTrust.read(file), PartnerProtocol.read(file), mail);
    }

    private static PartnerLimits limits(PropertiesFile file) {
        var defaults = PartnerLimits.defaults();
        int concurrent = file.positiveInt("partner.max-concurrent", defaults.maxConcurrent());
        long bytes = file.positiveInt("partner.max-bytes-in-flight", (int) defaults.maxBytesInFlight());
        String rate = file.optional("partner.rate-limit", null);
        if (rate == null) {
            return new PartnerLimits(concurrent, defaults.requests(), defaults.per(), bytes);
        }
        try {
            return PartnerLimits.parseRate(concurrent, rate).withMaxBytesInFlight(bytes);
        } catch (RuntimeException e) {
            throw new ConfigException(file.name(), "partner.rate-limit", e.getMessage() + ", got '" + rate + "'");
        }
    }

    private static List<Cidr> cidrList(PropertiesFile file, String key, String value) {
        var networks = new ArrayList<Cidr>();
        for (String part : value.split(",")) {
            try {
                networks.add(Cidr.parse(part));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file.name(), key,
                        "must be IP networks in CIDR notation separated by commas, e.g. 203.0.113.0/24; " + e.getMessage());
            }
        }
        return networks;
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }
}
