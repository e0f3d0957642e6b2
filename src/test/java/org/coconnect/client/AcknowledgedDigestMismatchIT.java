package org.coconnect.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.EvidenceStore;
import org.coconnect.persistence.OutboundEvidenceEntity;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.Contract;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An acknowledgement of another payload than the one we sent is no delivery (framework 4.4.3): the
 * payload is altered inside our own client after its digest was taken, as a fault between the outbox and
 * the wire would; the partner acknowledges what it got, and the sender must not count that as delivered.
 */
class AcknowledgedDigestMismatchIT {

    @TempDir
    static Path dir;
    static GatewayConfig krConfig;
    static Gateway kr;
    static Gateway id;
    static Bus tamperingBus;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        kr = TestGateways.start(krConfig);
        id = TestGateways.start(configs.get(1));
        tamperingBus = BusFactory.newInstance().createBus();
        tamperingBus.getOutInterceptors().add(new ExporterRenamed());
    }

    @AfterAll
    static void stop() {
        if (tamperingBus != null) tamperingBus.shutdown(true);
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    @Test
    void anAcknowledgementOfAnotherDigestIsNotADeliveryRaisesAnAlertAndKeepsItsEvidence() {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create("KR-DIGEST-1", 1, "KR", "ID", 1, Instant.now().minusSeconds(60))));
        String messageId = kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).messageId().toString();

        PartnerClient tampering = tamperingClient();
        try (var worker = new DeliveryWorker(kr.outbox(), partner -> tampering, "tampering-test", 1, 10)) {
            worker.deliverAllDue();
        }

        var delivery = kr.outbox().delivery(messageId).orElseThrow();
        assertEquals("PENDING", delivery.status(), "not delivered: it will be retried");
        assertTrue(delivery.lastError().contains("CC-9101"), delivery.lastError());
        assertTrue(StoredRows.alerts(kr).stream().anyMatch(a -> "CC-9101".equals(a.code())
                && messageId.equals(a.messageId())), "an alert is raised");
        List<OutboundEvidenceEntity> evidence = kr.database().inTransaction(em -> {
            var rows = EvidenceStore.outbound(em, messageId);
            rows.forEach(OutboundEvidenceEntity::answerEnvelope);
            return rows;
        });
        assertEquals(OutboundEvidenceEntity.Outcome.DIGEST_MISMATCH, evidence.get(0).outcome());
        assertNotNull(evidence.get(0).answerEnvelope(), "the partner's answer is kept as received");

        // The partner holds other content under this message ID: our true payload is refused as a conflict
        // (CC-4002), never counted as delivered; the operator sees both alerts.
        kr.outbox().resend(messageId);
        kr.deliverDue();
        assertEquals("REJECTED", kr.outbox().delivery(messageId).orElseThrow().status());
    }

    private static PartnerClient tamperingClient() {
        GatewayKeys keys = GatewayKeys.load(krConfig.keystores());
        var partner = new PartnerDirectory(krConfig.partners(), keys.partners()).byId(TestGateways.ID_ID).orElseThrow();
        var login = CredentialFiles.readOutbound(krConfig.keystores().outboundCredentials()).get(TestGateways.ID_ID);
        return new PartnerClient(tamperingBus, krConfig, keys, MessageCrypto.create(keys), partner, login,
                Clock.systemUTC());
    }

    /** Changes the exporter's name in the payload after the client took its digest, before it is signed. */
    private static final class ExporterRenamed extends AbstractPhaseInterceptor<Message> {
        ExporterRenamed() {
            super(Phase.PRE_LOGICAL);
        }

        @Override
        public void handleMessage(Message message) {
            for (Object part : message.getContent(List.class)) {
                if (part instanceof javax.xml.transform.dom.DOMSource source) {
                    Node node = source.getNode();
                    Element root = node instanceof org.w3c.dom.Document d ? d.getDocumentElement() : (Element) node;
                    root.getElementsByTagNameNS(Contract.CO_NAMESPACE, "Name").item(0).setTextContent("Someone Else Ltd");
                }
            }
        }
    }
}
