package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coconnect.config.MonitoringConfig;
import org.coconnect.domain.CertificateReference;
import org.coconnect.error.ErrorCode;
import org.coconnect.audit.AuditLog;
import org.coconnect.exchange.Alerts;
import org.coconnect.monitoring.WatchedCertificate;
import org.coconnect.monitoring.Watchdog;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.Database;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.security.CertificateFactoryBc;
import org.coconnect.support.MutableClock;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog's alerts for stuck messages, waiting COs and expiring certificates, walked with a fake clock. */
class WatchdogIT {

    @TempDir
    Path dir;
    /** The certificate tests' database: no gateway is needed to watch a certificate. */
    Database database;

    private static CertificateReference issue(Gateway kr, String number) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(30))));
        return kr.useCases().issueCertificate().issue(read.certificate(), read.xml()).certificate();
    }

    private static List<AlertEntity> alerts(Gateway gateway, ErrorCode code) {
        return StoredRows.alerts(gateway).stream().filter(a -> a.code().equals(code.code())).toList();
    }

    private static List<AlertEntity> alerts(Database database, ErrorCode code) {
        return database.inTransaction(em -> em.createQuery("select a from AlertEntity a where a.code = :code",
                AlertEntity.class).setParameter("code", code.code()).getResultList());
    }

    /** A partner signing certificate from a throwaway CA, valid from an hour ago for {@code validity}. */
    private static WatchedCertificate partnerCertificate(Duration validity) {
        KeyPair caKeys = CertificateFactoryBc.newRsaKeyPair(2048);
        X509Certificate ca = CertificateFactoryBc.selfSignedCa("CN=Test CA", caKeys, Duration.ofDays(3650));
        X509Certificate cert = CertificateFactoryBc.issue("CN=ID-DJBC signing", CertificateFactoryBc.newRsaKeyPair(2048),
                CertificateFactoryBc.Purpose.SIGNING, ca, caKeys.getPrivate(), validity);
        return new WatchedCertificate(TestGateways.ID_ID, "signing", cert);
    }

    /** A watchdog over a database of its own (kept in {@link #database}) that watches only the given certificate. */
    private Watchdog certificateWatchdog(MutableClock clock, WatchedCertificate certificate) {
        database = Database.open(DatabaseSettings.h2File(dir.resolve("certificates")));
        return new Watchdog(database, new Alerts(database, clock, new AuditLog(database, clock)), clock,
                MonitoringConfig.defaults(),
                List.of(certificate));
    }

    @Test
    void aMessagePendingPastTheThresholdAlertsOnceNotOnEveryPass() {
        var configs = TestGateways.configs(dir);            // ID is not started: KR's message stays pending
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {
            issue(kr, "KR-STUCK-1");
            String messageId = kr.outbox().undelivered().get(0).messageId();

            clock.set(start.plus(Duration.ofMinutes(119)));
            kr.watchdog().runOnce();
            assertEquals(List.of(), alerts(kr, ErrorCode.MESSAGE_STUCK), "not before the threshold");

            clock.set(start.plus(Duration.ofHours(3)));
            kr.watchdog().runOnce();
            clock.set(start.plus(Duration.ofHours(9)));
            kr.watchdog().runOnce();

            List<AlertEntity> stuck = alerts(kr, ErrorCode.MESSAGE_STUCK);
            assertEquals(1, stuck.size(), "one alert for the message, and none for its CO");
            assertEquals(messageId, stuck.get(0).messageId());
            assertEquals(TestGateways.ID_ID, stuck.get(0).partnerId());
        }
    }

    @Test
    void aMessageStillStuckTheNextDayAlertsAgain() {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {
            issue(kr, "KR-STUCK-2");
            clock.set(start.plus(Duration.ofHours(3)));
            kr.watchdog().runOnce();
            clock.set(start.plus(Duration.ofHours(27).plusMinutes(1)));
            kr.watchdog().runOnce();

            assertEquals(2, alerts(kr, ErrorCode.MESSAGE_STUCK).size());
        }
    }

    @Test
    void aCoWaitingForThePartnersCancellationStatusPastTheThresholdAlerts() {
        var configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock); Gateway id = TestGateways.start(configs.get(1))) {
            var ref = issue(kr, "KR-WAIT-1");
            kr.deliverDue();
            kr.useCases().requestCancellation().request(ref, "Exporter name misspelt");
            kr.deliverDue();                         // ID accepts and queues its status, but never delivers it

            clock.set(start.plus(Duration.ofHours(3)));
            kr.watchdog().runOnce();

            List<AlertEntity> waiting = alerts(kr, ErrorCode.MESSAGE_STUCK);
            assertEquals(1, waiting.size());
            assertTrue(waiting.get(0).detail().contains("KR:KR-WAIT-1 v1")
                    && waiting.get(0).detail().contains("CANCELLATION_REQUESTED"), waiting.get(0).detail());
        }
    }

    @Test
    void aPartnerCertificateExpiringIn30DaysAlertsNamingThePartner() {
        var clock = new MutableClock(Instant.now());
        Watchdog watchdog = certificateWatchdog(clock, partnerCertificate(Duration.ofDays(30)));
        try {
            watchdog.runOnce();

            List<AlertEntity> expiring = alerts(database, ErrorCode.CERTIFICATE_EXPIRING);
            assertEquals(1, expiring.size());
            assertEquals(TestGateways.ID_ID, expiring.get(0).partnerId());
        } finally {
            database.close();
        }
    }

    @Test
    void aPartnerCertificateExpiringIn90DaysDoesNotAlert() {
        var clock = new MutableClock(Instant.now());
        Watchdog watchdog = certificateWatchdog(clock, partnerCertificate(Duration.ofDays(90)));
        try {
            watchdog.runOnce();

            assertEquals(List.of(), alerts(database, ErrorCode.CERTIFICATE_EXPIRING));
        } finally {
            database.close();
        }
    }

    @Test
    void anExpiringCertificateAlertsOnceADay() {
        var clock = new MutableClock(Instant.now());
        Watchdog watchdog = certificateWatchdog(clock, partnerCertificate(Duration.ofDays(30)));
        try {
            watchdog.runOnce();
            clock.advance(Duration.ofHours(23));
            watchdog.runOnce();
            clock.advance(Duration.ofHours(2));
            watchdog.runOnce();

            assertEquals(2, alerts(database, ErrorCode.CERTIFICATE_EXPIRING).size());
        } finally {
            database.close();
        }
    }

    @Test
    void anExpiredCertificateAlertsAsExpired() {
        var clock = new MutableClock(Instant.now().plus(Duration.ofDays(31)));
        Watchdog watchdog = certificateWatchdog(clock, partnerCertificate(Duration.ofDays(30)));
        try {
            watchdog.runOnce();

            List<AlertEntity> expired = alerts(database, ErrorCode.CERTIFICATE_EXPIRING);
            assertEquals(1, expired.size());
            assertTrue(expired.get(0).detail().contains("expired on"), expired.get(0).detail());
        } finally {
            database.close();
        }
    }

    @Test
    void ourOwnCertificatesAndEveryPartnerCertificateAreWatched() {
        var configs = TestGateways.configs(dir);
        var clock = new MutableClock(Instant.now().plus(Duration.ofDays(3650 * 2)));
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {
            kr.watchdog().runOnce();

            List<String> owners = alerts(kr, ErrorCode.CERTIFICATE_EXPIRING).stream()
                    .map(a -> String.valueOf(a.partnerId())).sorted().toList();
            assertEquals(List.of(TestGateways.ID_ID, TestGateways.ID_ID, TestGateways.ID_ID, "null", "null", "null"), owners,
                    "our signing, encryption and TLS certificates, and the partner's");
        }
    }
}
