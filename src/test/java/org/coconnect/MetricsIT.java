package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.MessageHeader;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus metrics of two real gateways after one CO has gone from KR to ID. */
class MetricsIT {

    @TempDir
    static Path dir;
    static GatewayConfig krConfig;
    static Gateway kr;
    static Gateway id;

    @BeforeAll
    static void exchangeOneCertificate() {
        var configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        kr = TestGateways.start(krConfig);
        id = TestGateways.start(configs.get(1));
        issue("KR-METRICS-1");
        assertEquals(1, kr.deliverDue());
    }

    @AfterAll
    static void stop() {
        if (kr != null) kr.close();
        if (id != null) id.close();
    }

    private static void issue(String number) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(30))));
        kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
    }

    /** The value of one series in a scrape; fails naming the series when it is absent. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the scrape:\n" + scrape));
    }

    @Test
    void theSenderCountsEachAnswerByOperationAndAcknowledgementStatus() {
        assertEquals(1.0, value(kr.metricsText(),
                "coconnect_messages_sent_total{operation=\"send-co\",outcome=\"ACCEPTED\"}"));
    }

    @Test
    void theReceiverCountsEachMessageByOperationAndAcknowledgementStatus() {
        assertEquals(1.0, value(id.metricsText(),
                "coconnect_messages_received_total{operation=\"send-co\",outcome=\"ACCEPTED\"}"));
    }

    @Test
    void theDeliveryLatencyIsTimedFromQueueToAcknowledgement() {
        String scrape = kr.metricsText();
        assertEquals(1.0, value(scrape, "coconnect_delivery_latency_seconds_count{operation=\"send-co\"}"));
        assertTrue(value(scrape, "coconnect_delivery_latency_seconds_sum{operation=\"send-co\"}") > 0);
    }

    @Test
    void aRefusedRequestIsCountedUnderItsFaultCode() {
        var header = new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        var payload = RequestBuilder.sendCo(header, SampleCertificate.create("KR-METRICS-REFUSED", 1, "KR", "ID", 1,
                Instant.now().minusSeconds(30)));
        var client = new MutualTlsSoapClient(GatewayKeys.load(krConfig.keystores()),
                CredentialFiles.readOutbound(krConfig.keystores().outboundCredentials()).get(TestGateways.ID_ID));
        var answer = client.post(URI.create(id.baseUrl() + "/send-co"), "urn:coconnect:send-co",
                HandMadeEnvelope.of(payload).withoutTimestamp().bytes());
        assertEquals(500, answer.status(), answer::text);

        assertEquals(1.0, value(id.metricsText(), "coconnect_messages_received_total{operation=\"send-co\",outcome=\""
                + ErrorCode.POLICY_VIOLATION.code() + "\"}"));
    }

    @Test
    void theOutboxGaugesAreReadFromTheDatabaseWhenScraped() {
        String before = kr.metricsText();
        issue("KR-METRICS-PENDING");                // not delivered: it stays pending
        String after = kr.metricsText();

        assertEquals(0.0, value(before, "coconnect_outbox_pending"));
        assertEquals(1.0, value(after, "coconnect_outbox_pending"));
        assertTrue(value(after, "coconnect_outbox_oldest_pending_seconds") >= 0);
    }

    @Test
    void jvmAndProcessMetricsAreIncluded() {
        String scrape = kr.metricsText();
        assertTrue(scrape.contains("jvm_memory_used_bytes{"), "JVM memory");
        assertTrue(scrape.contains("jvm_threads_live_threads "), "JVM threads");
        assertTrue(scrape.contains("process_uptime_seconds "), "process uptime");
    }
}
