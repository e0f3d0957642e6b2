package org.coconnect.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.security.DemoPki;

/**
 * Loads a gateway's configuration and, when it uses demo keys, generates what is missing: its own
 * keys and those of the demo partner gateways configured beside it (in {@code conf/demo-partner}).
 */
final class DemoKeys {

    static final Path DEMO_PARTNER = Path.of("demo-partner");

    private DemoKeys() {
    }

    static GatewayConfig prepare(ConfigLoader loader, Path confDir) {
        List<GatewayConfig> all = loadAll(loader, confDir);
        new DemoPki(Path.of("keystores", "demo-ca").toAbsolutePath()).ensure(all);
        return all.get(0);
    }

    /** The gateway in confDir first, then the demo partner gateway if one is configured. */
    static List<GatewayConfig> loadAll(ConfigLoader loader, Path confDir) {
        var all = new ArrayList<GatewayConfig>();
        all.add(loader.load(confDir));
        Path partnerConf = confDir.resolve(DEMO_PARTNER);
        if (Files.isRegularFile(partnerConf.resolve("gateway.properties"))) {
            all.add(loader.load(partnerConf));
        }
        return all;
    }
}
