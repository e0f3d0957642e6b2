package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Sends the files of samples/, as they are, between two running gateways (KR-KCS and ID-DJBC, signed
 * and encrypted by our client) and checks each gets the answer samples/README.md documents. The
 * send-co story is ordered: accepted, then duplicate, then the message-ID conflict, then the amendment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplesIT {

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
        for (Gateway g : new Gateway[] {kr, id}) {
            if (g != null) {
                g.close();
            }
        }
    }

    @Test
    @Order(1)
    void sendCoSampleIsAccepted() throws Exception {
        assertEquals(AcknowledgementStatus.ACCEPTED, krToId(Operation.SEND_CO, "send-co.xml").status());
    }

    @Test
    @Order(2)
    void sendCoSampleSentAgainIsDuplicateWithCc4001() throws Exception {
        Acknowledgement ack = krToId(Operation.SEND_CO, "send-co.xml");
        assertEquals(AcknowledgementStatus.DUPLICATE, ack.status());
        assertEquals(List.of("CC-4001"), codes(ack));
    }

    @Test
    @Order(3)
    void messageIdConflictSampleIsRejectedWithCc4002() throws Exception {
        Acknowledgement ack = krToId(Operation.SEND_CO, "errors/send-co-message-id-conflict.xml");
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(List.of("CC-4002"), codes(ack));
    }

    @Test
    @Order(4)
    void amendmentNotificationSampleIsAcceptedForTheSentCo() throws Exception {
        Acknowledgement ack = krToId(Operation.SEND_AMENDMENT_NOTIFICATION, "send-amendment-notification.xml");
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
    }

    @Test
    @Order(10)
    void approvedExporterListSampleIsAcceptedThenTheDoSampleOfItsExporter() throws Exception {
        Acknowledgement list = krToId(Operation.SEND_APPROVED_EXPORTERS, "send-approved-exporters.xml");
        assertEquals(AcknowledgementStatus.ACCEPTED, list.status(), () -> list.problems().toString());
        Acknowledgement declaration = krToId(Operation.SEND_DO, "send-do.xml");
        assertEquals(AcknowledgementStatus.ACCEPTED, declaration.status(), () -> declaration.problems().toString());
    }

    @Test
    void schemaInvalidSampleIsRejectedWithOneCc2001PerErrorAndItsXPath() throws Exception {
        Acknowledgement ack = krToId(Operation.SEND_CO, "errors/send-co-schema-invalid.xml");
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertTrue(ack.problems().stream().allMatch(p -> "CC-2001".equals(p.code().code())), ack.problems()::toString);
        List<String> elements = ack.problems().stream().map(p -> p.location().replaceAll(".*/", "")).distinct().sorted().toList();
        assertEquals(List.of("co:Code", "co:ImportingCountryCode", "co:IssueDateTime"), elements);
    }

    @Test
    void wrongReceiverSampleIsRejectedWithCc3001() throws Exception {
        Acknowledgement ack = krToId(Operation.SEND_CO, "errors/send-co-wrong-receiver.xml");
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(List.of("CC-3001"), codes(ack));
    }

    @Test
    void unknownCoCancellationStatusSampleIsRejectedWithCc5005() throws Exception {
        Element payload = SamplesTest.load("errors/send-cancellation-status-unknown-co.xml");
        Acknowledgement ack = id.client(TestGateways.KR_ID).send(Operation.SEND_CANCELLATION_STATUS, payload, messageId(payload));
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(List.of("CC-5005"), codes(ack));
    }

    private static Acknowledgement krToId(Operation operation, String sample) throws Exception {
        Element payload = SamplesTest.load(sample);
        return kr.client(TestGateways.ID_ID).send(operation, payload, messageId(payload));
    }

    private static UUID messageId(Element payload) {
        return UUID.fromString(payload.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "MessageId").item(0).getTextContent());
    }

    private static List<String> codes(Acknowledgement ack) {
        return ack.problems().stream().map(Problem::code).map(c -> c.code()).toList();
    }
}
