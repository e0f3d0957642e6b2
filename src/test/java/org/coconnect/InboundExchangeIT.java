package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundExchangeIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    @Test
    void sendCoIsAcceptedAndStored() throws Exception {
        var client = kr.client(TestGateways.ID_ID);
        var header = client.newHeader(UUID.randomUUID(), null);
        var co = SampleCertificate.create("KR-TEST-1", 1, "KR", "ID", 2, Instant.now().minusSeconds(60));
        Acknowledgement ack = client.sendCertificate(header, co);
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
        assertEquals(header.messageId(), ack.receivedMessageId());
    }
}
