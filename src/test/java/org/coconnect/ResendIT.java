package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.RetrySchedule;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.Outbox;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An operator's resend works from every state it is offered in (waiting, failed, rejected), also after
 * the retention job ran; an outcome that cannot be applied settles its message instead of leaving it to
 * be claimed after every lease; a late acknowledgement still settles a CO whose retries ran out.
 */
class ResendIT {

    @TempDir
    Path dir;

    private static IssueCertificate.Issued issue(Gateway kr, String number, Instant issuedAt) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create(number, 1, "KR", "ID", 1, issuedAt)));
        return kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
    }

    private static OutboxEntity row(Gateway kr, IssueCertificate.Issued issued) {
        return kr.outbox().byMessageId(issued.messageId().toString()).orElseThrow();
    }

    private static CertificateState coState(Gateway kr) {
        return StoredRows.certificates(kr).get(0).state();
    }

    private static long alerts(Gateway kr, String code) {
        return StoredRows.alerts(kr).stream().map(AlertEntity::code).filter(code::equals).count();
    }

    /** Every attempt up to the 8-hour mark, with the partner down: ten attempts, the last mark still to come. */
    private static void failUpToTheLastMark(Gateway kr, MutableClock clock, Instant start) {
        kr.deliverDue();
        List<Duration> marks = RetrySchedule.FRAMEWORK.marks();
        for (Duration mark : marks.subList(0, marks.size() - 1)) {
            clock.set(start.plus(mark));
            assertEquals(1, kr.deliverDue(), "an attempt at the " + mark + " mark");
        }
    }

    @Test
    void aFailedSendCoIsResentAfterTheRetentionJobRanAndItsCoIsAcknowledged() {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {                // ID is down: connection refused
            var issued = issue(kr, "KR-RESEND-FAILED", start.minusSeconds(30));
            failUpToTheLastMark(kr, clock, start);
            clock.set(start.plus(Duration.ofHours(16)));
            assertEquals(1, kr.deliverDue());
            assertEquals(OutboxEntity.Status.FAILED, row(kr, issued).status());
            assertEquals(CertificateState.DELIVERY_FAILED, coState(kr));

            clock.advance(Duration.ofDays(400));
            kr.useCases().retention().run();
            kr.outbox().resend(issued.messageId().toString());
            assertEquals(CertificateState.SENT, coState(kr), "a resend starts the CO's delivery again");
            try (Gateway id = TestGateways.start(configs.get(1))) {
                assertEquals(1, kr.deliverDue());
                assertEquals(1, StoredRows.certificates(id).size(), "the partner got the CO");
            }
            OutboxEntity o = row(kr, issued);
            assertEquals(OutboxEntity.Status.DELIVERED, o.status());
            assertEquals(12, o.attempts(), "the resend's attempt is recorded");
            assertEquals(CertificateState.ACKNOWLEDGED, coState(kr));
            clock.advance(Duration.ofHours(1));
            assertEquals(0, kr.deliverDue(), "nothing is claimed again");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRejectedSendCoIsResentOnceTheCauseIsFixedAfterTheRetentionJobRan(TestDatabase database) {
        var configs = TestGateways.configs(dir.resolve(database.name()), database);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        var krClock = new MutableClock(tomorrow);        // KR's clock runs a day ahead: ID sees a CO from the future
        var idClock = new MutableClock(Instant.now());
        try (Gateway kr = Gateway.start(configs.get(0), krClock); Gateway id = Gateway.start(configs.get(1), idClock)) {
            var issued = issue(kr, "KR-RESEND-REJ", tomorrow);
            assertEquals(1, kr.deliverDue());
            assertEquals(OutboxEntity.Status.REJECTED, row(kr, issued).status());
            assertEquals(CertificateState.DELIVERY_REJECTED, coState(kr));

            krClock.advance(Duration.ofDays(400));
            kr.useCases().retention().run();
            assertTrue(row(kr, issued).payload().contains("KR-RESEND-REJ"), "a rejected message keeps its content");
            idClock.advance(Duration.ofDays(2));                  // the cause, ID's view of time, is fixed
            kr.outbox().resend(issued.messageId().toString());
            assertEquals(1, kr.deliverDue());

            OutboxEntity o = row(kr, issued);
            assertEquals(OutboxEntity.Status.DELIVERED, o.status(), o::lastError);
            assertEquals(2, o.attempts());
            assertEquals(CertificateState.ACKNOWLEDGED, coState(kr));
            assertEquals(1, StoredRows.certificates(id).size());
            assertEquals(AcknowledgementStatus.ACCEPTED, StoredRows.messages(kr).get(0).ackStatus(), "the journal has the new answer");
            krClock.advance(Duration.ofHours(1));
            assertEquals(0, kr.deliverDue(), "nothing is claimed again");
        }
    }

    @Test
    void aResentRejectedMessageThatFailsTechnicallyIsGivenUpAtOnceNotRetriedOnThePassedMarks() {
        var configs = TestGateways.configs(dir);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        var clock = new MutableClock(tomorrow);
        IssueCertificate.Issued issued;
        try (Gateway kr = Gateway.start(configs.get(0), clock); Gateway id = TestGateways.start(configs.get(1))) {
            issued = issue(kr, "KR-RESEND-DOWN", tomorrow);
            assertEquals(1, kr.deliverDue());
            assertEquals(CertificateState.DELIVERY_REJECTED, coState(kr));
        }
        clock.advance(Duration.ofDays(3));
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {                // ID is down now
            kr.outbox().resend(issued.messageId().toString());
            assertEquals(1, kr.deliverDue());
            assertEquals(0, kr.deliverDue(), "the marks already passed do not make it due again and again");

            OutboxEntity o = row(kr, issued);
            assertEquals(OutboxEntity.Status.FAILED, o.status());
            assertEquals(CertificateState.DELIVERY_FAILED, coState(kr));
            assertEquals(1, alerts(kr, "CC-6001"), "the failed resend alerts");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOutcomeTheLifecycleRefusesIsRecordedAlertedAndSettlesTheMessage(TestDatabase database) {
        var configs = TestGateways.configs(dir.resolve(database.name()), database);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock); Gateway id = TestGateways.start(configs.get(1))) {
            var issued = issue(kr, "KR-NOT-APPLIED", start.minusSeconds(30));
            // Whatever moved it there, the CO is in a state where a delivery confirmation is not possible.
            kr.database().inTransaction(em -> em.createNativeQuery("update certificate set state = 'CANCELLED'")
                    .executeUpdate());

            assertEquals(1, kr.deliverDue());
            clock.advance(Duration.ofHours(1));
            assertEquals(0, kr.deliverDue(), "the message is not claimed again after its lease");

            OutboxEntity o = row(kr, issued);
            assertEquals(OutboxEntity.Status.DELIVERED, o.status());
            assertEquals(1, o.attempts(), "the attempt is recorded");
            assertEquals(CertificateState.CANCELLED, coState(kr), "the CO is left as it was");
            assertTrue(StoredRows.alerts(kr).stream().anyMatch(a -> a.code().equals("CC-6005")
                    && a.detail().contains("CONFIRM_DELIVERY")), "the operators are told");
        }
    }

    @Test
    void aLateAcceptedAnswerAfterTheRetriesRanOutStillSettlesTheCo() throws Exception {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {                // ID is down: connection refused
            var issued = issue(kr, "KR-LATE-ACK", start.minusSeconds(30));
            failUpToTheLastMark(kr, clock, start);
            clock.set(start.plus(Duration.ofHours(16)));
            // A slow node claims the last attempt; its lease runs out, another node makes the attempt and gives up.
            Outbox.Delivery slow = kr.outbox().claimDue("slow-node", 1).get(0);
            clock.advance(configs.get(0).delivery().lease().plusMinutes(1));
            assertEquals(1, kr.deliverDue());
            assertEquals(CertificateState.DELIVERY_FAILED, coState(kr));
            assertEquals(1, alerts(kr, "CC-6001"));

            try (Gateway id = TestGateways.start(configs.get(1))) {           // the slow attempt gets through
                var ack = kr.client(TestGateways.ID_ID).send(slow.operation(), OutboundPayloadWriter.parse(slow.payload()),
                        UUID.fromString(slow.messageId()));
                kr.outbox().recordAnswer(slow, ack);
                assertEquals(1, StoredRows.certificates(id).size());
            }
            assertEquals(OutboxEntity.Status.DELIVERED, row(kr, issued).status());
            assertEquals(CertificateState.ACKNOWLEDGED, coState(kr), "the late acknowledgement counts");
        }
    }
}
