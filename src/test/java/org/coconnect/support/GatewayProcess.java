package org.coconnect.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;

/**
 * A gateway in a JVM of its own, started with {@code serve --conf} from configuration files written as an
 * operator would write them, so that a test can kill it with SIGKILL mid-work.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    /** Where the gateway's own log lines go: its output in tests, coconnect.log under the log dir when installed. */
    private final Path gatewayLog;
    /** How long that log was when this process started: an installed gateway appends to the last life's. */
    private final int gatewayLogStart;

    private GatewayProcess(Process process, int port, Path log) {
        this(process, port, log, log, 0);
    }

    private GatewayProcess(Process process, int port, Path log, Path gatewayLog, int gatewayLogStart) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.gatewayLog = gatewayLog;
        this.gatewayLogStart = gatewayLogStart;
    }

    /**
     * Starts the gateway described by the config, named {@code name} under dir (conf-NAME/, NAME.log), with
     * extra gateway.properties entries (delivery settings, say), and returns once it serves every operation.
     */
    public static GatewayProcess start(Path dir, String name, GatewayConfig config, Map<String, String> extra)
            throws IOException, InterruptedException {
        var started = launch(dir, name, config, extra);
        started.awaitServing();
        return started;
    }

    private static final java.util.regex.Pattern SERVING = java.util.regex.Pattern.compile(
            "Gateway - Gateway \\S+ listening on https://");

    /**
     * Waits until the gateway serves: an open port is not enough, since the listener answers 503 (CC-9005) until
     * every operation is published, and says so in its log only then.
     */
    public void awaitServing() throws InterruptedException {
        awaitListening();
        for (int i = 0; i < 1800; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway process ended with " + process.exitValue() + "; see " + log);
            }
            String lines = readUnchecked(gatewayLog);
            if (SERVING.matcher(lines.substring(Math.min(gatewayLogStart, lines.length()))).find()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway did not start serving; see " + log);
    }

    /** Starts the gateway like {@link #start} but returns at once, so that several can start side by side. */
    public static GatewayProcess launch(Path dir, String name, GatewayConfig config, Map<String, String> extra)
            throws IOException {
        Path conf = writeConf(dir, name, config, extra);
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.coconnect.cli.CoConnectCommand", "serve",
                "--conf", conf.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        return new GatewayProcess(process, config.port(), log);
    }

    /**
     * Starts the gateway as an operator runs an installed release: {@code HOME/bin/coconnect serve}, the
     * configuration directory given in COCONNECT_CONF (not --conf), JVM options in COCONNECT_JAVA_OPTS, the log
     * in COCONNECT_LOG_DIR. Returns at once; the launcher's output goes to NAME.log under dir.
     */
    public static GatewayProcess launchInstalled(Path home, Path dir, String name, GatewayConfig config,
                                                 Map<String, String> extra) throws IOException {
        Path conf = writeConf(dir, name, config, extra);
        Path log = dir.resolve(name + ".log");
        var builder = new ProcessBuilder(home.resolve("bin/coconnect").toString(), "serve")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("COCONNECT_CONF", conf.toString());
        builder.environment().put("COCONNECT_JAVA_OPTS", "-Xmx512m");
        builder.environment().put("COCONNECT_LOG_DIR", dir.resolve(name + "-logs").toString());
        Path gatewayLog = dir.resolve(name + "-logs").resolve("coconnect.log");
        int logStart = readUnchecked(gatewayLog).length();
        Process process = builder.start();
        process.getOutputStream().close();
        return new GatewayProcess(process, config.port(), log, gatewayLog, logStart);
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM, as systemd or a container runtime stops a service; the gateway's graceful stop runs. */
    public void terminate() {
        process.destroy();
    }

    /** Waits at most {@code seconds} for the process to end; its exit status, or empty while it still runs. */
    public java.util.OptionalInt awaitExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /** What the process printed (standard output and error), for assertions and failure messages. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Like {@link #output()}, for assertion messages. */
    public String outputUnchecked() {
        try {
            return output();
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** Waits until the gateway accepts connections on its port; fails if the process ends first. */
    public void awaitListening() throws InterruptedException {
        for (int i = 0; i < 1800; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway process ended with " + process.exitValue() + "; see " + log);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the gateway did not open port " + port + "; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing in flight is finished or released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway process did not end after SIGKILL");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Writes conf-NAME/ (gateway.properties, one partners/ID.properties per partner) under dir as an operator would. */
    public static Path writeConf(Path dir, String name, GatewayConfig c, Map<String, String> extra) throws IOException {
        Path conf = dir.resolve("conf-" + name);
        Files.createDirectories(conf.resolve("partners"));
        Path password = dir.resolve(name + "-keystore-password");
        Files.writeString(password, new String(c.keystores().password()));
        var lines = new ArrayList<>(List.of(
                "gateway.country=" + c.self().countryCode(),
                "gateway.authority=" + c.self().authorityId(),
                "server.port=" + c.port(),
                "database.url=" + c.database().jdbcUrl(),
                "database.user=" + c.database().user(),
                "keystores.own=" + c.keystores().own(),
                "keystores.partners=" + c.keystores().partners(),
                "keystores.trust=" + c.keystores().trust(),
                "keystores.password.file=" + password,
                // The node is driven over its partner endpoints only: no local interface, so no token file is needed.
                "local.port=0"));
        extra.forEach((key, value) -> lines.add(key + "=" + value));
        lines.add("");
        Files.writeString(conf.resolve("gateway.properties"), String.join("\n", lines));
        for (PartnerConfig partner : c.partners()) {
            Files.writeString(conf.resolve("partners/" + partner.id() + ".properties"), String.join("\n",
                    "partner.country=" + partner.administration().countryCode(),
                    "partner.authority=" + partner.administration().authorityId(),
                    "partner.endpoint.url=" + partner.endpointUrl(),
                    "partner.allowed-ips=127.0.0.0/8",
                    ""));
        }
        return conf;
    }
}
