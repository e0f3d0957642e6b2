package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.EmbeddedPostgresServer;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of ID on one PostgreSQL database, as behind a load balancer: WS-Security's replay cache is the database's,
 * so a message node A accepted is refused as a replay (CC-1008) when sent byte for byte to node B within its lifetime.
 */
class SharedReplayCacheIT {

    @TempDir
    static Path dir;
    static Gateway nodeA;
    static Gateway nodeB;
    static SendingPartner kr;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir, EmbeddedPostgresServer.newDatabase(),
                EmbeddedPostgresServer.newDatabase());
        nodeA = TestGateways.start(configs.get(1));
        nodeB = TestGateways.start(configs.get(1).withPort(TestGateways.freePort()).withLocalApi(LocalApiConfig.disabled()));
        kr = SendingPartner.kr(configs.get(0));
    }

    @AfterAll
    static void stop() {
        for (Gateway node : new Gateway[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aMessageAcceptedByOneNodeAndReplayedToTheOtherIsRefusedAsAReplay() {
        UUID messageId = UUID.randomUUID();
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR")).bytes();
        assertEquals(200, kr.post(nodeA, "send-co", envelope).status());

        GatewaySnapshot before = GatewaySnapshot.of(nodeB);
        var answer = kr.post(nodeB, "send-co", envelope);
        assertEquals(500, answer.status(), answer::text);
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), answer.faultString(), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.REPLAY_DETECTED);
        assertEquals(1, StoredRows.messagesWithId(nodeB, messageId.toString()), "one exchanged_message row");
    }

    @Test
    void anotherMessageIsAcceptedByEitherNode() {
        assertEquals(200, kr.post(nodeB, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes()).status());
        assertEquals(200, kr.post(nodeA, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes()).status());
    }
}
