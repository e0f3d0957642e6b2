package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.MessageStore;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.domain.Operation;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.w3c.dom.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is acknowledged survives a restart and a kill -9. */
class DurabilityIT {

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsMessagesCertificatesAndDeduplication() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var messageId = UUID.randomUUID();
        try (Gateway kr = TestGateways.start(configs.get(0))) {
            var client = kr.client(TestGateways.ID_ID);
            Element payload = RequestBuilder.sendCo(client.newHeader(messageId, null),
                    SampleCertificate.create("KR-RESTART-1", 1, "KR", "ID", 1, Instant.now().minusSeconds(5)));
            try (Gateway id = TestGateways.start(configs.get(1))) {
                assertEquals(AcknowledgementStatus.ACCEPTED, client.send(Operation.SEND_CO, payload, messageId).status());
            }
            try (Gateway id = TestGateways.start(configs.get(1))) {
                assertEquals(1, StoredRows.messagesWithId(id, messageId.toString()));
                assertEquals("RECEIVED", StoredRows.certificates(id).get(0).state());
                assertEquals(AcknowledgementStatus.DUPLICATE, client.send(Operation.SEND_CO, payload, messageId).status(),
                        "deduplication is durable, not an in-memory cache");
            }
        }
    }

    @Test
    void anAcknowledgedMessageSurvivesKillMinus9RightAfterTheAcknowledgement() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        GatewayConfig idConfig = configs.get(1);
        Path conf = writeConf(idConfig);
        Process idProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.coconnect.cli.CoConnectCommand", "serve",
                "--conf", conf.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("id-gateway.log").toFile())
                .start();
        idProcess.getOutputStream().close();
        var messageId = UUID.randomUUID();
        try (Gateway kr = TestGateways.start(configs.get(0))) {
            awaitPort(idConfig.port(), idProcess);
            Acknowledgement ack = send(kr, messageId, "KR-KILL-1");
            idProcess.destroyForcibly();   // SIGKILL: no shutdown hook, no H2 close
            assertTrue(idProcess.waitFor(30, TimeUnit.SECONDS));
            assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), ack.problems()::toString);
        } finally {
            idProcess.destroyForcibly();
        }
        try (Database db = Database.open(idConfig.database())) {
            long stored = db.inTransaction(em -> MessageStore.find(em,
                    org.coconnect.persistence.MessageEntity.Direction.INBOUND, TestGateways.KR_ID, messageId.toString()))
                    .map(m -> 1L).orElse(0L);
            assertEquals(1, stored, "the acknowledged message is in the database after kill -9");
        }
    }

    private static Acknowledgement send(Gateway kr, UUID messageId, String number) throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(messageId, null),
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(5)));
    }

    /** The gateway's configuration as files, as an operator would write it. */
    private Path writeConf(GatewayConfig c) throws IOException {
        Path conf = dir.resolve("conf-id");
        Files.createDirectories(conf.resolve("partners"));
        Files.writeString(dir.resolve("keystore-password"), new String(c.keystores().password()));
        Files.writeString(conf.resolve("gateway.properties"), String.join("\n",
                "gateway.country=" + c.self().countryCode(),
                "gateway.authority=" + c.self().authorityId(),
                "server.port=" + c.port(),
                "database.url=" + c.database().jdbcUrl(),
                "database.user=sa",
                "keystores.own=" + c.keystores().own(),
                "keystores.partners=" + c.keystores().partners(),
                "keystores.trust=" + c.keystores().trust(),
                "keystores.password.file=" + dir.resolve("keystore-password"),
                "local.port=0",
                ""));
        var kr = c.partners().get(0);
        Files.writeString(conf.resolve("partners/" + kr.id() + ".properties"), String.join("\n",
                "partner.country=" + kr.administration().countryCode(),
                "partner.authority=" + kr.administration().authorityId(),
                "partner.endpoint.url=" + kr.endpointUrl(),
                "partner.allowed-ips=127.0.0.0/8",
                ""));
        return conf;
    }

    private static void awaitPort(int port, Process process) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway process ended with " + process.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the gateway did not open port " + port);
    }
}
