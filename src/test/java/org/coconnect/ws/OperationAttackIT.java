package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.domain.Operation;
import org.coconnect.domain.CancellationNotification;
import org.coconnect.domain.CertificateReference;
import org.coconnect.domain.MessageHeader;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Requests that name an operation other than the one served at the address, from KR over its real
 * mutual-TLS connection: a payload of another operation, a SOAPAction of another or of no operation.
 * Each is refused with CC-2003, which the partner sees as such (it is no security secret).
 */
class OperationAttackIT {

    @TempDir
    static Path dir;
    static Gateway id;
    static SendingPartner kr;
    static URI sendCo;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        kr = SendingPartner.kr(configs.get(0));
        sendCo = URI.create(id.baseUrl() + "/send-co");
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    /** Fully secured and valid, but a send-amendment-notification: found by the endpoint, after WS-Security. */
    @Test
    void anAmendmentNotificationPostedToSendCoIsRefused() throws Exception {
        var header = new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        var notification = RequestBuilder.request(Operation.SEND_AMENDMENT_NOTIFICATION, header, new CancellationNotification(
                new CertificateReference("KR", "KR-WRONG-OP-1", 1), "The applicant asked for an amendment.", Instant.now()));
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", kr.secured(notification).bytes());
        assertRefusedAsWrongOperation(before, answer);
    }

    @Test
    void aSoapActionNamingAnotherOperationIsRefused() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.client().post(sendCo, "urn:coconnect:send-amendment-notification", validSendCo());
        assertRefusedAsWrongOperation(before, answer);
    }

    @Test
    void aSoapActionNamingNoOperationIsRefused() throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.client().post(sendCo, "urn:coconnect:delete-everything", validSendCo());
        assertRefusedAsWrongOperation(before, answer);
    }

    private static byte[] validSendCo() {
        return kr.secured(SendingPartner.sendCoPayload()).bytes();
    }

    private static void assertRefusedAsWrongOperation(GatewaySnapshot before, MutualTlsSoapClient.Response answer)
            throws Exception {
        assertEquals(500, answer.status(), answer::text);
        Document opened = SendingPartner.opened(answer, kr.signer());
        assertEquals(ErrorCode.WRONG_OPERATION.partnerText(), MutualTlsSoapClient.faultString(opened), answer::text);
        GatewaySnapshot.assertNoInternals(opened);
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.WRONG_OPERATION);
    }
}
