package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.monitoring.Health;
import org.coconnect.support.MutableClock;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real gateway's health: UP when all is well, DEGRADED or DOWN for real causes, not mocks. */
class HealthIT {

    @TempDir
    Path dir;

    @Test
    void aFreshGatewayIsUp() {
        try (Gateway kr = TestGateways.start(TestGateways.configs(dir).get(0))) {
            Health health = kr.health();

            assertEquals(Health.Status.UP, health.status(), health.problems()::toString);
            assertTrue(health.databaseReachable());
            assertEquals(0L, health.outboxPending());
            assertEquals(Duration.ZERO, health.oldestPendingAge());
            assertTrue(health.certificatesValid());
        }
    }

    @Test
    void aGatewayWhoseDatabaseIsClosedIsDown() {
        try (Gateway kr = TestGateways.start(TestGateways.configs(dir).get(0))) {
            kr.database().close();
            Health health = kr.health();

            assertEquals(Health.Status.DOWN, health.status());
            assertFalse(health.databaseReachable());
            assertEquals(null, health.outboxPending(), "unknown, not zero");
        }
    }

    @Test
    void aGatewayWhoseCertificatesHaveExpiredIsDegraded() {
        var clock = new MutableClock(Instant.now().plus(Duration.ofDays(3650 * 2)));
        try (Gateway kr = Gateway.start(TestGateways.configs(dir).get(0), clock)) {
            Health health = kr.health();

            assertEquals(Health.Status.DEGRADED, health.status());
            assertFalse(health.certificatesValid());
        }
    }

    @Test
    void aMessagePendingPastTheAlertThresholdDegradesHealth() {
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(TestGateways.configs(dir).get(0), clock)) {   // ID is down
            var read = CertificateReader.read(OutboundPayloadWriter.text(
                    SampleCertificate.create("KR-HEALTH-1", 1, "KR", "ID", 1, start.minusSeconds(30))));
            kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
            clock.set(start.plus(Duration.ofHours(3)));
            Health health = kr.health();

            assertEquals(Health.Status.DEGRADED, health.status());
            assertEquals(1L, health.outboxPending());
            assertEquals(Duration.ofHours(3), health.oldestPendingAge().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
    }
}
