package org.coconnect.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.coconnect.Gateway;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the gateway and serves until stopped. */
@Command(name = "serve", description = "Start the gateway (HTTPS endpoints for the four operations).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--conf", description = "Configuration directory (default: ${DEFAULT-VALUE}).", defaultValue = "conf")
    Path conf;

    @Option(names = "--port", description = "Override server.port.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config;
        Duration grace;
        try {
            var loader = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv());
            config = DemoKeys.prepare(loader, conf);
            grace = loader.shutdownGrace(conf);
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
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
        } catch (ConfigException e) {
            // Some settings (such as local.host) can only be judged when the gateway binds them.
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        try {
            // The JVM halts as soon as its shutdown hooks return: the hook waits until the stop below is done.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopRequested.countDown();
                awaitQuietly(stopDone, grace.multipliedBy(2).plusSeconds(10));
            }, "coconnect-shutdown"));
            System.out.println("CoConnect gateway " + config.selfId() + " serving at " + gateway.baseUrl()
                    + "/{send-co,send-amendment-notification,send-cancellation-status,send-feedback} (Ctrl-C stops)");
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
