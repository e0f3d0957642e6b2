package org.coconnect.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.AlertMailConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.mail.MailSessions;
import org.coconnect.persistence.Database;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.support.MutableClock;
import org.coconnect.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts reach people: raised alerts are mailed through a real SMTP server (GreenMail) to the recipients of
 * their kind, and repeats are summed up instead of mailed one by one.
 */
class AlertMailIT {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @TempDir
    Path dir;
    TestMailServer mail;
    Database database;
    MutableClock clock;
    Alerts alerts;
    AlertMailer mailer;

    @BeforeEach
    void start() {
        mail = TestMailServer.start();
        database = Database.open(DatabaseSettings.h2File(dir.resolve("alerts")));
        clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        alerts = new Alerts(database, clock, new AuditLog(database, clock));
        var config = new AlertMailConfig(List.of(TestMailServer.OPERATORS), Map.of(
                ErrorCode.CERTIFICATE_EXPIRING.code(), List.of(),
                ErrorCode.PARTNER_REJECTED.code(), List.of(TestMailServer.KR_ADDRESS)), WINDOW);
        var settings = mail.sendingOnly("coconnect@kr.test", config);
        mailer = new AlertMailer(config, new MailSessions(settings.smtp(), null), settings.from(), "KR-KCS", clock);
        alerts.subscribe(mailer);
    }

    @AfterEach
    void stop() {
        mailer.close();
        database.close();
        mail.close();
    }

    @Test
    void anOutageOfAThousandAlertsSendsOneMailAndOneSummary() {
        for (int i = 0; i < 1000; i++) {
            alerts.raiseRefusal(ErrorCode.RETRIES_EXHAUSTED, "partner ID-DJBC", "ID-DJBC", "m-" + i, "Gave up delivering m-" + i);
        }
        mailer.flush();
        List<String> first = mail.subjects("ops");
        assertEquals(1, first.size(), "one mail while the outage goes on: " + first);
        assertTrue(first.get(0).contains("CC-6001") && first.get(0).contains("ID-DJBC"), first.get(0));

        clock.advance(WINDOW.plusSeconds(1));
        mailer.flush();
        List<String> after = mail.subjects("ops");
        assertEquals(2, after.size(), "and one summary when the window closes: " + after);
        assertTrue(after.get(1).contains("999 more"), after.get(1));
    }

    @Test
    void anotherKindOrAnotherPartnerIsMailedAtOnce() {
        alerts.raise(ErrorCode.RETRIES_EXHAUSTED, "ID-DJBC", "m-1", "Gave up");
        alerts.raise(ErrorCode.RETRIES_EXHAUSTED, "VN-GDC", "m-2", "Gave up");
        alerts.raise(ErrorCode.MESSAGE_STUCK, "ID-DJBC", "m-3", "Stuck");
        mailer.flush();
        assertEquals(3, mail.subjects("ops").size(), mail.subjects("ops").toString());
    }

    @Test
    void eachKindGoesToItsOwnRecipientsOrNowhere() {
        alerts.raise(ErrorCode.CERTIFICATE_EXPIRING, null, null, "Our TLS certificate expires in 30 days");
        alerts.raise(ErrorCode.PARTNER_REJECTED, "ID-DJBC", "m-4", "Partner rejected send-co");
        mailer.flush();
        assertEquals(List.of(), mail.subjects("ops"), "CC-6004 is switched off, CC-6002 goes elsewhere");
        List<String> elsewhere = mail.subjects("kr");
        assertEquals(1, elsewhere.size());
        assertTrue(elsewhere.get(0).contains("CC-6002"), elsewhere.get(0));
    }
}
