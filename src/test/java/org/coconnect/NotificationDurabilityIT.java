package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.security.PrivateFiles;
import org.coconnect.support.CallbackReceiver;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks survive a kill -9: the importing gateway runs in a JVM of its own, is killed while it delivers an event
 * (the receiver holds the call), and once restarted delivers every event, the interrupted one with the same ID.
 */
class NotificationDurabilityIT {

    static final int COS = 4;
    static final Pattern CO = Pattern.compile("KR/(KR-DURABLE-\\d)/1");

    @TempDir
    Path dir;

    static void await(BooleanSupplier condition, Duration bound, String what) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + bound + ": " + what);
            Thread.sleep(50);
        }
    }

    static Set<String> delivered(CallbackReceiver receiver) {
        var numbers = new TreeSet<String>();
        receiver.calls().stream().filter(c -> c.status() == 204).forEach(c -> {
            var m = CO.matcher(c.body());
            if (m.find()) {
                numbers.add(m.group(1));
            }
        });
        return numbers;
    }

    @Test
    void everyEventArrivesAfterTheGatewayIsKilledMidDelivery() throws Exception {
        var configs = TestGateways.configs(dir);
        var idConfig = configs.get(1);
        int localPort = TestGateways.freePort();
        Path token = dir.resolve("id-local-token");
        PrivateFiles.write(token, TestGateways.LOCAL_TOKEN.getBytes(StandardCharsets.UTF_8));
        try (var receiver = new CallbackReceiver().holdFirst();
             Gateway kr = TestGateways.start(configs.get(0))) {
            Path clients = dir.resolve("id-local-clients.properties");
            PrivateFiles.write(clients, ("customs.credential-sha256=" + "ab".repeat(32) + "\n"
                    + "customs.scopes=read\n"
                    + "customs.notification-secret=customs-notification-secret-0123456789\n"
                    + "customs.callback.co-received=" + receiver.url() + "\n").getBytes(StandardCharsets.UTF_8));
            Map<String, String> local = Map.of("local.port", String.valueOf(localPort), "local.token.file",
                    token.toString(), "local.clients.file", clients.toString());

            try (GatewayProcess id = GatewayProcess.start(dir, "id", idConfig, local)) {
                var client = kr.client(TestGateways.ID_ID);
                for (int i = 1; i <= COS; i++) {
                    var ack = client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                            SampleCertificate.create("KR-DURABLE-" + i, 1, "KR", "ID", 1, Instant.now().minusSeconds(5)));
                    assertEquals(AcknowledgementStatus.ACCEPTED, ack.status());
                }
                await(() -> !receiver.calls().isEmpty() || receiver.heldCalls() > 0, Duration.ofSeconds(60),
                        "the first callback, held by the receiver");
                id.kill();
            }
            receiver.release();
            String interrupted = receiver.heldEventId();

            try (GatewayProcess restarted = GatewayProcess.start(dir, "id", idConfig, local)) {
                await(() -> delivered(receiver).size() == COS, Duration.ofSeconds(90), "every CO's event answered");
            }
            assertEquals(COS, delivered(receiver).size(), receiver.calls().toString());
            assertTrue(receiver.calls().stream().anyMatch(c -> c.status() == 204 && c.eventId().equals(interrupted)),
                    "the event interrupted by the kill is delivered again with the same ID");
        }
    }
}
