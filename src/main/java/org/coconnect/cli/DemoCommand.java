package org.coconnect.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.coconnect.Gateway;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Two gateways on loopback exchanging COs through their whole life, with a readable timeline. */
@Command(name = "demo", description = "Run two gateways (conf/ and conf/demo-partner/) and the full CO story between them.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--conf", description = "Configuration directory of the exporting gateway (default: ${DEFAULT-VALUE}).",
            defaultValue = "conf")
    Path conf;

    @Option(names = "--data", description = "Where the demo's databases are kept for inspection (default: ${DEFAULT-VALUE}).",
            defaultValue = "data/demo")
    Path data;

    @Option(names = "--json", description = "Run the story over the JSON API (partner.protocol=json, JWS inside JWE) "
            + "instead of SOAP; see docs/json-api.md.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<GatewayConfig> configs;
        try {
            // Running the demo is the request for demo keys: conf/gateway.properties itself never generates any.
            var loader = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).askingForDemoKeys();
            configs = DemoKeys.loadAll(loader, conf);
            DemoKeys.prepare(loader, conf);
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        if (configs.size() < 2) {
            System.err.println("The demo needs a partner gateway in " + conf.resolve(DemoKeys.DEMO_PARTNER));
            return 2;
        }
        GatewayConfig exporterConfig = onProtocol(inDemoDatabase(configs.get(0)));
        GatewayConfig importerConfig = onProtocol(inDemoDatabase(configs.get(1)));
        var timeline = new Timeline(System.out, Clock.systemUTC());
        System.out.println("CoConnect demo: " + exporterConfig.selfId() + " (exporting) and " + importerConfig.selfId()
                + " (importing) on loopback, HTTPS with mutual TLS, signed and encrypted messages"
                + (json ? " over the JSON API (JWS in JWE)." : " over SOAP (WS-Security)."));
        try (Gateway exporter = Gateway.start(exporterConfig, Clock.systemUTC()).startDelivery()) {
            var story = new DemoStory(exporter,
                    () -> Gateway.start(importerConfig, Clock.systemUTC()).startDelivery(), timeline);
            try {
                story.run();
            } finally {
                story.importer().close();
            }
        }
        timeline.chapter("10. The e-mail channel: a CO to a partner that runs no web service");
        var skip = DemoMailChapter.skipReason();
        if (skip.isPresent()) {
            System.out.println(skip.get());
        } else {
            DemoMail.run(exporterConfig, importerConfig, timeline,
                    "DEMO-MAIL-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase());
        }
        System.out.println();
        System.out.println("Done. The databases are kept for inspection in " + data.toAbsolutePath()
                + " (H2; see docs/operations.md, 'Inspecting the demo').");
        return 0;
    }

    /** With --json the pair agrees on the JSON API both ways, encrypted; otherwise the configured protocol. */
    private GatewayConfig onProtocol(GatewayConfig config) {
        return json ? config.withPartners(config.partners().stream()
                .map(p -> p.withProtocol(org.coconnect.config.PartnerProtocol.json(true))).toList()) : config;
    }

    /** Each run starts from empty demo databases, so the story reads the same every time. */
    private GatewayConfig inDemoDatabase(GatewayConfig config) throws IOException {
        Path dir = data.resolve(config.self().countryCode().toLowerCase()).toAbsolutePath();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        DatabaseSettings db = DatabaseSettings.h2File(dir.resolve("coconnect"));
        return config.withDatabase(db, dir);
    }
}
