package org.coconnect.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.coconnect.Gateway;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Operation;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Starts the gateway and serves until stopped. */
@Command(name = "serve", description = "Start the gateway (HTTPS endpoints for every operation, and the local interface).")
final class ServeCommand implements Callable<Integer> {

    @Mixin ConfigurationDirectoryOption conf;

    @Option(names = "--port", description = "Override server.port.")
    Integer port;

    @Spec CommandSpec spec;

    private void requireKeystores(KeystoreConfig keystores) {
        Map<String, Path> stores = new LinkedHashMap<>();
        stores.put("keystores.own", keystores.own());
        stores.put("keystores.partners", keystores.partners());
        stores.put("keystores.trust", keystores.trust());
        stores.forEach((key, file) -> {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(conf.path().resolve("gateway.properties").toString(), key, ErrorCode.KEYSTORE_MISSING.code()
                        + " " + file + " does not exist, and keystores.demo is not true: issue keys with `coconnect pki"
                        + " issue` (production), or run `coconnect demo` once (demo keys)");
            }
        });
    }

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config;
        Duration grace;
        try {
            var loader = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv());
            config = loader.load(conf.path());
            // Keys are generated only where the configuration asks for demo keys; a production one must have them.
            if (config.keystores().demo()) {
                config = DemoKeys.prepare(loader, conf.path());
            } else {
                requireKeystores(config.keystores());
            }
            grace = loader.shutdownGrace(conf.path());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("Configuration error: " + e.getMessage());
            return 2;
        }
        if (port != null) {
            config = config.withPort(port);
        }
        var stopRequested = new CountDownLatch(1);
        var stopDone = new CountDownLatch(1);
        Gateway gateway;
        try {
            // Delivery too: what the local interface accepts must reach the partner without a further step.
            gateway = Gateway.start(config, Clock.systemUTC()).startDelivery();
            Integer override = port;
            // 'reload' reads the same directory; --port stays as started.
            gateway.configuration().readFrom(() -> {
                var next = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).load(conf.path());
                return override == null ? next : next.withPort(override);
            });
        } catch (ConfigException e) {
            // Some settings (such as local.host) can only be judged when the gateway binds them.
            spec.commandLine().getErr().println("Configuration error: " + e.getMessage());
            return 2;
        }
        try {
            // The JVM halts as soon as its shutdown hooks return: the hook waits until the stop below is done.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopRequested.countDown();
                awaitQuietly(stopDone, grace.multipliedBy(2).plusSeconds(10));
            }, "coconnect-shutdown"));
            System.out.println("CoConnect gateway " + config.selfId() + " serving at " + gateway.baseUrl()
                    + "/{" + Arrays.stream(Operation.values()).map(Operation::pathName).collect(Collectors.joining(","))
                    + "} (Ctrl-C stops)");
            if (config.localApi().enabled()) {
                System.out.println("Local interface for our own systems at http://" + config.localApi().host() + ":"
                        + config.localApi().port() + " (bearer token in " + config.localApi().tokenFile() + ")");
            }
            stopRequested.await();
            System.out.println("Stopping: refusing new connections, finishing requests in flight (at most " + grace + ")");
            gateway.stop(grace);
        } finally {
            gateway.close();
            stopDone.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
