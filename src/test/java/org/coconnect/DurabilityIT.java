package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.Operation;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.MessageStore;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/** What is acknowledged survives a restart and a kill -9, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class DurabilityIT {

    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;

    @Test
    void aRestartKeepsMessagesCertificatesAndDeduplication() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir, database);
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
                assertEquals(CertificateState.RECEIVED, StoredRows.certificates(id).get(0).state());
                assertEquals(AcknowledgementStatus.DUPLICATE, client.send(Operation.SEND_CO, payload, messageId).status(),
                        "deduplication is durable, not an in-memory cache");
            }
        }
    }

    @Test
    void anAcknowledgedMessageSurvivesKillMinus9RightAfterTheAcknowledgement() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir, database);
        GatewayConfig idConfig = configs.get(1);
        var messageId = UUID.randomUUID();
        Acknowledgement ack;
        try (GatewayProcess idProcess = GatewayProcess.start(dir, "id", idConfig, Map.of());
             Gateway kr = TestGateways.start(configs.get(0))) {
            ack = send(kr, messageId, "KR-KILL-1");
            idProcess.kill();   // SIGKILL: no shutdown hook, no database close
        }
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), ack.problems()::toString);
        try (Database db = Database.open(idConfig.database())) {
            long stored = db.inTransaction(em -> MessageStore.find(em,
                    MessageEntity.Direction.INBOUND, TestGateways.KR_ID, messageId.toString()))
                    .map(m -> 1L).orElse(0L);
            assertEquals(1, stored, "the acknowledged message is in the database after kill -9");
        }
    }

    private static Acknowledgement send(Gateway kr, UUID messageId, String number) throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        return client.sendCertificate(client.newHeader(messageId, null),
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(5)));
    }
}
