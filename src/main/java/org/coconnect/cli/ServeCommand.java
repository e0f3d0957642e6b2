package org.coconnect.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.coconnect.Gateway;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the gateway and serves until stopped. */
@Command(name = "serve", description = "Start the gateway (HTTPS endpoints for every operation, and the local interface).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--conf", description = "Configuration directory (default: ${DEFAULT-VALUE}).", defaultValue = "conf")
    Path conf;

    @Option(names = "--port", description = "Override server.port.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config;
        try {
            config = DemoKeys.prepare(new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()), conf);
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        if (port != null) {
            config = config.withPort(port);
        }
        var stopped = new CountDownLatch(1);
        Gateway gateway;
        try {
            // Delivery too: what the local interface accepts must reach the partner without a further step.
            gateway = Gateway.start(config, Clock.systemUTC()).startDelivery();
        } catch (ConfigException e) {
            // Some settings (such as local.host) can only be judged when the gateway binds them.
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        try (gateway) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("CoConnect gateway " + config.selfId() + " serving at " + gateway.baseUrl()
                    + "/{" + Arrays.stream(Operation.values()).map(Operation::pathName).collect(Collectors.joining(","))
                    + "} (Ctrl-C stops)");
            if (config.localApi().enabled()) {
                System.out.println("Local interface for our own systems at http://" + config.localApi().host() + ":"
                        + config.localApi().port() + " (bearer token in " + config.localApi().tokenFile() + ")");
            }
            stopped.await();
        }
        return 0;
    }
}
