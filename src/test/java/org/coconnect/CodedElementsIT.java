package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.client.PartnerClient;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.domain.Severity;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.Contract;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Coded elements mean what they say on the wire: a CO with a foreign-origin goods item is acknowledged
 * ACCEPTED_WITH_WARNINGS (CC-5009), a CO with K17 Operation mode DELETE is refused (CC-3101).
 */
class CodedElementsIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static PartnerClient toId;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir, TestDatabase.H2);
        kr = TestGateways.start(configs.get(0));
        id = TestGateways.start(configs.get(1));
        toId = kr.client(TestGateways.ID_ID);
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    static Element certificate(String number, String origin, String operationMode) {
        Element co = SampleCertificate.create(number, 1, "KR", "ID", 2, Instant.now().minusSeconds(60));
        var origins = co.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Origin");
        Element firstOrigin = (Element) origins.item(0);
        firstOrigin.getElementsByTagNameNS(Contract.CO_NAMESPACE, "CountryCode").item(0).setTextContent(origin);
        co.getElementsByTagNameNS(Contract.CO_NAMESPACE, "OperationMode").item(0).setTextContent(operationMode);
        return co;
    }

    @Test
    void aCoWithAForeignOriginIsAcknowledgedWithAWarningOnTheWire() throws Exception {
        var header = toId.newHeader(UUID.randomUUID(), null);
        Acknowledgement ack = toId.send(Operation.SEND_CO, RequestBuilder.sendCo(header,
                certificate("KR-WARN-WIRE-1", "VN", "ISSUE")), header.messageId());

        assertEquals(AcknowledgementStatus.ACCEPTED_WITH_WARNINGS, ack.status(), () -> ack.problems().toString());
        Problem warning = ack.problems().get(0);
        assertEquals(ErrorCode.ORIGIN_COUNTRY_DIFFERS, warning.code());
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.location().endsWith("co:GoodsItem[1]/co:Origin/co:CountryCode"), warning.location());
        MessageEntity stored = StoredRows.messages(id).stream()
                .filter(m -> m.messageId().equals(header.messageId().toString())).findFirst().orElseThrow();
        assertEquals(AcknowledgementStatus.ACCEPTED_WITH_WARNINGS, stored.ackStatus(), "stored, with its warning");
    }

    @Test
    void anIssuedCoWithAForeignOriginIsDeliveredAndTheWarningKeptByTheSender() {
        String xml = OutboundPayloadWriter.text(certificate("KR-WARN-ISSUE-1", "VN", "ISSUE"));
        var read = CertificateReader.read(xml);
        var issued = kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        kr.deliverDue();

        var delivery = kr.outbox().delivery(issued.messageId().toString()).orElseThrow();
        assertEquals("DELIVERED", delivery.status());
        assertEquals("ACCEPTED_WITH_WARNINGS", delivery.ackStatus());
        assertTrue(StoredRows.certificates(id).stream().anyMatch(c -> c.number().equals("KR-WARN-ISSUE-1")));
    }

    @Test
    void aCoWithOperationModeDeleteIsRejectedAndNothingIsStored() throws Exception {
        var header = toId.newHeader(UUID.randomUUID(), null);
        Acknowledgement ack = toId.send(Operation.SEND_CO, RequestBuilder.sendCo(header,
                certificate("KR-DELETE-1", "KR", "DELETE")), header.messageId());

        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(ErrorCode.OPERATION_MODE_DELETE_REFUSED, ack.problems().get(0).code());
        assertTrue(StoredRows.certificates(id).stream().noneMatch(c -> c.number().equals("KR-DELETE-1")),
                "a DELETE is never stored as a received CO");
    }

    @Test
    void theIssuingSystemCannotIssueADelete() {
        var read = CertificateReader.read(OutboundPayloadWriter.text(certificate("KR-DELETE-2", "KR", "DELETE")));
        var refused = assertThrows(RejectionException.class,
                () -> kr.useCases().issueCertificate().issue(read.certificate(), read.xml()));
        assertEquals(ErrorCode.OPERATION_MODE_DELETE_REFUSED, refused.problems().get(0).code());
    }
}
