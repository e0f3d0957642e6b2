package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.RetrySchedule;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework's retry schedule, walked with a fake clock against a partner that is really down. */
class DeliveryRetryIT {

    @TempDir
    Path dir;

    private static void issue(Gateway kr, String number) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(30))));
        kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
    }

    private static OutboxEntity only(Gateway kr) {
        return kr.database().inTransaction(em ->
                em.createQuery("select o from OutboxEntity o", OutboxEntity.class).getSingleResult());
    }

    /** Attempt times seen while stepping the clock minute by minute over {@code span}. */
    private static List<Duration> walk(Gateway kr, MutableClock clock, Instant start, Duration span) {
        var attempts = new ArrayList<Duration>();
        for (Duration t = Duration.ZERO; t.compareTo(span) <= 0; t = t.plusMinutes(1)) {
            clock.set(start.plus(t));
            if (kr.deliverDue() > 0) {
                attempts.add(t);
            }
        }
        return attempts;
    }

    @Test
    void aDownPartnerIsRetriedEveryTenMinutesForAnHourThenAtTwoFourEightAndSixteenHoursThenLeftForManualResend() {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {      // ID is not running: connection refused
            issue(kr, "KR-DOWN-1");
            List<Duration> attempts = walk(kr, clock, start, Duration.ofHours(17));

            var expected = new ArrayList<Duration>(List.of(Duration.ZERO));
            expected.addAll(RetrySchedule.FRAMEWORK.marks());
            assertEquals(expected, attempts);
            OutboxEntity o = only(kr);
            assertEquals(OutboxEntity.Status.FAILED, o.status());
            assertEquals(11, o.attempts());
            assertEquals(CertificateState.DELIVERY_FAILED, StoredRows.certificates(kr).get(0).state());
            assertTrue(StoredRows.alerts(kr).stream().anyMatch(a -> a.code().equals("CC-6001")), "retry exhaustion alerts");
        }
    }

    @Test
    void aPartnerDownForThreeHoursGetsTheMessageExactlyOnceWhenBack() {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {
            issue(kr, "KR-OUTAGE-1");
            walk(kr, clock, start, Duration.ofHours(3));
            assertEquals(OutboxEntity.Status.PENDING, only(kr).status());
            try (Gateway id = TestGateways.start(configs.get(1))) {
                clock.set(start.plus(Duration.ofHours(4)));
                assertEquals(1, kr.deliverDue(), "the 4-hour mark delivers");
                clock.set(start.plus(Duration.ofHours(20)));
                assertEquals(0, kr.deliverDue(), "nothing is sent again once delivered");
                assertEquals(1, StoredRows.certificates(id).size());
                assertEquals(1, StoredRows.messages(id).size());
            }
            assertEquals(OutboxEntity.Status.DELIVERED, only(kr).status());
            assertEquals(CertificateState.ACKNOWLEDGED, StoredRows.certificates(kr).get(0).state());
        }
    }

    @Test
    void pendingDeliveriesSurviveARestartAndResumeAtTheirDueTime() {
        var configs = TestGateways.configs(dir);
        GatewayConfig krConfig = configs.get(0);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(krConfig, clock)) {
            issue(kr, "KR-RESTART-2");
            walk(kr, clock, start, Duration.ofMinutes(25));         // attempts at 0, 10 and 20 minutes
            assertEquals(3, only(kr).attempts());
        }
        try (Gateway id = TestGateways.start(configs.get(1));
             Gateway kr = Gateway.start(krConfig, clock)) {
            clock.set(start.plus(Duration.ofMinutes(29)));
            assertEquals(0, kr.deliverDue(), "not before the 30-minute mark");
            clock.set(start.plus(Duration.ofMinutes(30)));
            assertEquals(1, kr.deliverDue());
            assertEquals(OutboxEntity.Status.DELIVERED, only(kr).status());
            assertEquals(1, StoredRows.certificates(id).size());
        }
    }

    @Test
    void aRejectionStopsRetriesAndKeepsThePartnersReasons() {
        var configs = TestGateways.configs(dir);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        var clock = new MutableClock(tomorrow);          // KR's clock runs a day ahead: ID sees a CO from the future
        try (Gateway kr = Gateway.start(configs.get(0), clock); Gateway id = TestGateways.start(configs.get(1))) {
            var read = CertificateReader.read(OutboundPayloadWriter.text(
                    SampleCertificate.create("KR-REJ-1", 1, "KR", "ID", 1, tomorrow)));
            kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
            assertEquals(1, kr.deliverDue());
            clock.advance(Duration.ofHours(20));
            assertEquals(0, kr.deliverDue(), "a REJECTED message is never retried");

            OutboxEntity o = only(kr);
            assertEquals(OutboxEntity.Status.REJECTED, o.status());
            assertEquals(CertificateState.DELIVERY_REJECTED, StoredRows.certificates(kr).get(0).state());
            var journal = StoredRows.messages(kr).get(0);
            assertEquals(AcknowledgementStatus.REJECTED, journal.ackStatus());
            assertTrue(journal.problems().stream().anyMatch(p -> p.code().equals("CC-5001")), "ID's reasons are kept");
            assertTrue(StoredRows.alerts(kr).stream().anyMatch(a -> a.code().equals("CC-6002") && a.detail().contains("CC-5001")),
                    "a rejection alerts, naming the partner's reasons");
            assertTrue(StoredRows.certificates(id).isEmpty());
        }
    }
}
