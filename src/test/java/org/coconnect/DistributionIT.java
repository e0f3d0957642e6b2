package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.coconnect.client.DeliveryException;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.LoopbackPorts;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as an operator gets it: the archive built by {@code mvn package} is unpacked into an empty
 * directory and its {@code bin/coconnect} runs the gateway as a process of its own (no Maven, no source
 * checkout, configuration in COCONNECT_CONF). It exchanges COs with an in-JVM partner, is stopped with SIGTERM
 * under load, serves again after a restart, and the container image's health check finds it serving.
 */
class DistributionIT {

    private static final int SENDERS = 4;

    @TempDir
    Path dir;
    private Path home;

    @BeforeEach
    void unpackTheRelease() throws Exception {
        Path archive = releaseArchive();
        Path install = Files.createDirectories(dir.resolve("install"));
        run(install, "tar", "-xzf", archive.toString());
        try (Stream<Path> unpacked = Files.list(install)) {
            home = unpacked.filter(p -> p.getFileName().toString().startsWith("coconnect-")).findFirst()
                    .orElseThrow(() -> new AssertionError("the archive has no coconnect-VERSION directory"));
        }
    }

    @Test
    void theArchiveHoldsWhatAnOperatorNeeds() {
        for (String path : List.of("bin/coconnect", "conf/gateway.properties", "conf/partners", "wsdl/coconnect.wsdl",
                "xsd/coconnect-co.xsd", "keystores/README.md", "docs/release.md", "systemd/coconnect.service")) {
            assertTrue(Files.exists(home.resolve(path)), path + " is in the release");
        }
        assertTrue(Files.isExecutable(home.resolve("bin/coconnect")), "bin/coconnect is executable");
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertTrue(jars.anyMatch(j -> j.getFileName().toString().startsWith("coconnect-gateway-")),
                    "the application jar is in lib/");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertEquals(List.of(), jars.map(j -> j.getFileName().toString())
                    .filter(n -> n.toLowerCase().contains("greenmail")).toList(),
                    "no test mail server (GreenMail) ships in the release");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (Stream<Path> keys = Files.list(home.resolve("keystores"))) {
            assertEquals(List.of("README.md"), keys.map(k -> k.getFileName().toString()).toList(),
                    "no key material travels in the release");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void versionNamesTheReleaseAndTheSourceCommit() throws Exception {
        String printed = run(dir, home.resolve("bin/coconnect").toString(), "--version");
        String version = home.getFileName().toString().substring("coconnect-".length());
        assertTrue(printed.contains("CoConnect gateway " + version), printed);
        // A build from a git checkout names its commit; one from a source tarball without .git says unknown.
        assertTrue(printed.lines().anyMatch(l -> l.matches("commit ([0-9a-f]{7,40}|unknown)")), printed);
    }

    @Test
    void sigtermUnderLoadAnswersEveryRequestInFlightAndTheGatewayServesAgainAfterARestart() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        GatewayConfig idConfig = configs.get(1);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        GatewayProcess id = GatewayProcess.launchInstalled(home, dir, "id", idConfig, Map.of());
        try (Gateway kr = TestGateways.start(configs.get(0))) {
            id.awaitServing();
            PartnerClient client = kr.client(TestGateways.ID_ID);
            var stop = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                var sender = new Thread(() -> sendUntil(stop, client, acknowledged, failures), "load-" + i);
                sender.start();
                senders.add(sender);
            }
            awaitCondition(() -> acknowledged.size() >= 2 * SENDERS || !id.isAlive(), "acknowledgements before SIGTERM");
            id.terminate();
            var exit = id.awaitExit(180);
            stop.set(true);
            for (Thread sender : senders) {
                sender.join(TimeUnit.MINUTES.toMillis(3));
            }
            assertTrue(exit.isPresent(), "the gateway ended by itself after SIGTERM");
            // 143 = 128 + SIGTERM: the JVM's status after its shutdown hooks, here the graceful stop, have run.
            assertEquals(143, exit.getAsInt(), id::outputUnchecked);
            assertTrue(id.output().contains("Stopping: refusing new connections"), id::outputUnchecked);
        } finally {
            id.close();
        }
        Set<String> stored = storedFromKr(idConfig);
        assertTrue(acknowledged.size() >= 2 * SENDERS, "the load was running when SIGTERM came: " + acknowledged.size());
        assertEquals(new TreeSet<>(acknowledged), new TreeSet<>(stored),
                "every acknowledged CO is stored, and every CO stored was acknowledged: no request in flight was cut "
                        + "off after its commit; the other requests failed before anything was stored: " + failures);

        Path token = dir.resolve("id-local-token");
        org.coconnect.security.PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(StandardCharsets.UTF_8));
        Map<String, String> localInterface = Map.of("local.port", String.valueOf(LoopbackPorts.reserve()),
                "local.token.file", token.toString());
        try (GatewayProcess restarted = GatewayProcess.launchInstalled(home, dir, "id", idConfig, localInterface);
             Gateway kr = TestGateways.start(configs.get(0))) {
            restarted.awaitServing();
            assertEquals(AcknowledgementStatus.ACCEPTED, send(kr.client(TestGateways.ID_ID), UUID.randomUUID()).status());
            assertTrue(imageHealthCheck(dir.resolve("conf-id")).startsWith("UP (checked at "),
                    "the container image's health check finds the restarted gateway serving");
        }
    }

    /** Runs the container image's HEALTHCHECK command (src/image/base) with this release in place of /opt/coconnect. */
    private String imageHealthCheck(Path conf) throws IOException, InterruptedException {
        var command = java.util.regex.Pattern.compile("\"CMD-SHELL\",\"([^\"]+)\"")
                .matcher(Files.readString(Path.of("src/image/base/config.json")));
        assertTrue(command.find(), "the image's base configuration has a health check command");
        var builder = new ProcessBuilder("sh", "-c", command.group(1).replace("/opt/coconnect", home.toString()))
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("COCONNECT_CONF", conf.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the health check ended");
        assertEquals(0, process.exitValue(), "health check: " + output);
        return output;
    }

    private static void sendUntil(AtomicBoolean stop, PartnerClient client, Set<String> acknowledged,
                                  List<String> failures) {
        while (!stop.get()) {
            UUID messageId = UUID.randomUUID();
            try {
                Acknowledgement ack = send(client, messageId);
                if (ack.status() == AcknowledgementStatus.ACCEPTED) {
                    acknowledged.add(messageId.toString());
                } else {
                    failures.add(messageId + " answered " + ack.status() + " " + ack.problems());
                }
            } catch (DeliveryException | RuntimeException e) {
                // Refused or cut off without an answer: never counted as acknowledged.
                failures.add(messageId + " " + e.getMessage());
            }
        }
    }

    private static Acknowledgement send(PartnerClient client, UUID messageId) throws DeliveryException {
        String number = "KR-DIST-" + messageId.toString().substring(0, 8);
        return client.sendCertificate(client.newHeader(messageId, null),
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(5)));
    }

    private static Set<String> storedFromKr(GatewayConfig idConfig) {
        try (Database db = Database.open(idConfig.database())) {
            List<String> ids = db.inTransaction(em -> em.createQuery(
                            "select m.messageId from MessageEntity m where m.direction = :inbound", String.class)
                    .setParameter("inbound", MessageEntity.Direction.INBOUND).getResultList());
            return new TreeSet<>(ids);
        }
    }

    /** The archive {@code mvn package} built: failsafe runs after the package phase, so it is there. */
    private static Path releaseArchive() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            List<Path> archives = built.filter(p -> p.getFileName().toString().matches("coconnect-.+\\.tar\\.gz")).toList();
            assertEquals(1, archives.size(), "one release archive in target/ (built by mvn package): " + archives);
            return archives.get(0).toAbsolutePath();
        }
    }

    private static String run(Path workingDirectory, String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " ended");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "waited for " + what);
    }
}
