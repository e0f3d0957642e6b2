package org.coconnect.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;

/**
 * The gateway under the soak: {@code serve --conf} in a JVM of its own, from configuration files written as
 * an operator writes them, so that it can be killed with SIGKILL and started again on the same database.
 */
final class SoakGateway implements AutoCloseable {

    private static final long LISTEN_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(3);

    private final List<String> command;
    private final String databasePassword;
    private final int port;
    private final Path dir;
    private final Path log;
    private Process process;

    private SoakGateway(List<String> command, String databasePassword, int port, Path dir, Path log) {
        this.command = command;
        this.databasePassword = databasePassword;
        this.port = port;
        this.dir = dir;
        this.log = log;
    }

    /** Writes the configuration of {@code config} under dir/conf; nothing runs yet. */
    static SoakGateway prepare(Path dir, GatewayConfig config) throws IOException {
        Path conf = writeConf(dir, config);
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", ChildJvm.classpath(), "org.coconnect.cli.CoConnectCommand", "serve", "--conf", conf.toString());
        return new SoakGateway(command, config.database().password(), config.port(), dir, dir.resolve("gateway.log"));
    }

    /** Starts the gateway process and returns once it accepts connections. */
    void start() throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("COCONNECT_DB_PASSWORD", databasePassword);
        process = builder.start();
        process.getOutputStream().close();
        long deadline = System.currentTimeMillis() + LISTEN_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway ended with " + process.exitValue() + "; see " + log);
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the gateway did not open port " + port + " in 3 minutes; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing in flight is finished, the database is not closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the gateway process did not end after SIGKILL");
        }
    }

    /** SIGTERM, and SIGKILL if the gateway has not ended a minute later. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                kill();
            }
        }
    }

    Path log() {
        return log;
    }

    /** Whether the gateway process is still running, or how it ended when nobody stopped it. */
    String processState() {
        if (process == null) {
            return "never started";
        }
        if (process.isAlive()) {
            return "running";
        }
        // A JVM that crashed leaves its hs_err file in its working directory.
        try (var files = Files.list(dir)) {
            return "ended by itself with exit code " + process.exitValue() + files.map(Path::getFileName)
                    .map(Path::toString).filter(name -> name.startsWith("hs_err")).map(name -> ", crash report " + name)
                    .findFirst().orElse("");
        } catch (IOException e) {
            return "ended by itself with exit code " + process.exitValue();
        }
    }

    /**
     * The stacks of the gateway's threads that run our code, from {@code jcmd Thread.print}, the whole dump kept
     * beside the log: what a storm whose messages went unanswered needs first (a request stuck, and where).
     */
    List<String> ourThreads() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return List.of();
        }
        Path dump = dir.resolve("threads-" + System.currentTimeMillis() + ".txt");
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(dump.toFile()).start();
        if (!jcmd.waitFor(1, TimeUnit.MINUTES)) {
            jcmd.destroyForcibly();
            return List.of("jcmd Thread.print did not answer in a minute");
        }
        var ours = new ArrayList<String>();
        for (String thread : Files.readString(dump, StandardCharsets.UTF_8).split("\n\n")) {
            if (thread.contains("org.coconnect.")) {
                // The thread's name and state, and its stack down to the first frame of ours.
                String[] lines = thread.strip().split("\n");
                var shown = new StringBuilder(lines[0]);
                for (int i = 1; i < lines.length && i < 40; i++) {
                    shown.append(" | ").append(lines[i].strip());
                    if (lines[i].contains("org.coconnect.")) {
                        break;
                    }
                }
                ours.add(shown.toString());
            }
        }
        ours.add("whole dump: " + dump);
        return ours;
    }

    /** The last {@code limit} lines of the gateway's log at ERROR level: what an operator would look at first. */
    List<String> lastErrors(int limit) throws IOException {
        List<String> errors;
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            errors = lines.filter(line -> line.contains(" ERROR ")).toList();
        }
        return errors.subList(Math.max(0, errors.size() - limit), errors.size());
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static Path writeConf(Path dir, GatewayConfig c) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("partners"));
        Path password = dir.resolve("keystore-password");
        Files.writeString(password, new String(c.keystores().password()), StandardCharsets.UTF_8);
        var lines = new ArrayList<>(List.of(
                "gateway.country=" + c.self().countryCode(),
                "gateway.authority=" + c.self().authorityId(),
                "gateway.environment=" + c.environment(),
                "server.host=127.0.0.1",
                "server.port=" + c.port(),
                "data.dir=" + c.dataDirectory().toAbsolutePath(),
                "database.url=" + c.database().jdbcUrl(),
                "database.user=" + c.database().user(),
                "keystores.own=" + c.keystores().own().toAbsolutePath(),
                "keystores.partners=" + c.keystores().partners().toAbsolutePath(),
                "keystores.trust=" + c.keystores().trust().toAbsolutePath(),
                "keystores.password.file=" + password.toAbsolutePath(),
                "credentials.inbound.file=" + c.keystores().inboundCredentials().toAbsolutePath(),
                "credentials.outbound.file=" + c.keystores().outboundCredentials().toAbsolutePath(),
                // Driven over its partner endpoint only: no local interface, so no token file is needed.
                "local.port=0", ""));
        Files.writeString(conf.resolve("gateway.properties"), String.join("\n", lines), StandardCharsets.UTF_8);
        for (PartnerConfig partner : c.partners()) {
            Files.writeString(conf.resolve("partners/" + partner.id() + ".properties"), String.join("\n",
                    "partner.country=" + partner.administration().countryCode(),
                    "partner.authority=" + partner.administration().authorityId(),
                    "partner.endpoint.url=" + partner.endpointUrl(),
                    "partner.endpoint.environment=" + partner.environment(),
                    "partner.allowed-ips=127.0.0.0/8",
                    "partner.inbound.user=" + partner.inboundUser(),
                    "partner.protocol=" + (partner.protocol().isJson() ? "json" : "soap"),
                    partner.protocol().encrypt() ? "partner.json.encrypt=true" : "",
                    // Far above the soak's load: the soak is about durability, not the throttle.
                    "partner.max-concurrent=" + partner.limits().maxConcurrent(),
                    "partner.rate-limit=" + partner.limits().requests() + "/" + partner.limits().per(), ""),
                    StandardCharsets.UTF_8);
        }
        return conf;
    }
}
