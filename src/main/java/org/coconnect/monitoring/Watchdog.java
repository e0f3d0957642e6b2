package org.coconnect.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coconnect.config.MonitoringConfig;
import org.coconnect.domain.CertificateSide;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.CertificateStore;
import org.coconnect.persistence.CertificateStore.WaitingCertificate;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.InquiryEntity;
import org.coconnect.persistence.InquiryStore;
import org.coconnect.persistence.OutboxStore;
import org.coconnect.persistence.OutboxStore.PendingMessage;

/**
 * Alerts on what no single message reveals: outbound messages pending, or COs waiting in a transient
 * state, for longer than the threshold, our own or partners' certificates close to expiry, and
 * verification inquiries left unanswered. A condition that lasts is alerted once a day, not on every
 * pass; an unanswered inquiry once.
 */
public final class Watchdog {

    /** A lasting condition is alerted again after this long, so that it is neither forgotten nor repeated every pass. */
    private static final Duration REPEAT_AFTER = Duration.ofDays(1);
    /** An unanswered inquiry alerts once: its alert subject is never repeated within this window. */
    private static final Duration ONCE = Duration.ofDays(36_500);
    /** CO states that only a message ends; what each waits for, for the alert text. */
    private static final Map<CertificateState, String> WAITING = Map.of(
            CertificateState.SENT, "its delivery has no recorded outcome",
            CertificateState.CANCELLATION_REQUESTED, "the partner's cancellation status has not arrived",
            CertificateState.CANCELLATION_NOTIFIED, "our cancellation status has not been sent");

    private final Database database;
    private final Alerts alerts;
    private final Clock clock;
    private final MonitoringConfig settings;
    private final List<WatchedCertificate> certificates;
    private final Object passes = new Object();

    public Watchdog(Database database, Alerts alerts, Clock clock, MonitoringConfig settings,
                    List<WatchedCertificate> certificates) {
        this.database = database;
        this.alerts = alerts;
        this.clock = clock;
        this.settings = settings;
        this.certificates = List.copyOf(certificates);
    }

    /** One pass of every check, in the calling thread; returns how many alerts it raised. Passes never overlap. */
    public int runOnce() {
        synchronized (passes) {
            Instant now = clock.instant();
            return stuckMessages(now) + waitingCertificates(now) + expiringCertificates(now) + unansweredInquiries(now);
        }
    }

    private int stuckMessages(Instant now) {
        Instant cutoff = now.minus(settings.stuckAfter());
        List<PendingMessage> stuck = database.inTransaction(em -> OutboxStore.pendingSince(em, cutoff));
        int raised = 0;
        for (PendingMessage m : stuck) {
            String detail = "Message " + m.messageId() + " (" + m.operation() + " to " + m.partnerId()
                    + ") has waited for delivery for " + age(m.createdAt(), now) + " since " + m.createdAt() + ", after "
                    + m.attempts() + " attempt(s)" + (m.lastError() == null ? "" : "; last error: " + m.lastError());
            if (alerts.raiseOnce(REPEAT_AFTER, ErrorCode.MESSAGE_STUCK, m.partnerId(), m.messageId(),
                    "message:" + m.messageId(), detail)) {
                raised++;
            }
        }
        return raised;
    }

    /** COs waiting in a transient state; one whose message is still pending is already alerted as that message. */
    private int waitingCertificates(Instant now) {
        Instant cutoff = now.minus(settings.stuckAfter());
        List<WaitingCertificate> waiting = database.inTransaction(em -> CertificateStore.waitingSince(em,
                WAITING.keySet(), cutoff));
        int raised = 0;
        for (WaitingCertificate c : waiting) {
            String co = c.issuingCountry() + ":" + c.number() + " v" + c.version();
            String detail = "CO " + co + " (" + c.side() + " side, partner " + c.partnerId() + ") has been "
                    + c.state() + " for " + age(c.updatedAt(), now) + " since " + c.updatedAt() + ": "
                    + WAITING.get(c.state());
            String subject = "co:" + c.side() + ":" + c.issuingCountry() + ":" + c.number() + ":v" + c.version() + ":"
                    + c.state();
            if (alerts.raiseOnce(REPEAT_AFTER, ErrorCode.MESSAGE_STUCK, c.partnerId(), null, subject, detail)) {
                raised++;
            }
        }
        return raised;
    }

    private int expiringCertificates(Instant now) {
        Instant horizon = now.plus(settings.certificateExpiryWarning());
        int raised = 0;
        for (WatchedCertificate c : certificates) {
            if (c.notAfter().isAfter(horizon)) {
                continue;
            }
            String detail = c.notAfter().isBefore(now)
                    ? c.description() + " expired on " + c.notAfter() + "; exchanges that use it fail"
                    : c.description() + " expires on " + c.notAfter() + ", in " + age(now, c.notAfter()) + "; "
                    + (c.partnerId() == null ? "renew it and send the new certificate to the partners"
                    : "ask the partner for its new certificate") + " before then";
            if (alerts.raiseOnce(REPEAT_AFTER, ErrorCode.CERTIFICATE_EXPIRING, c.partnerId(), null, c.subject(), detail)) {
                raised++;
            }
        }
        return raised;
    }

    /**
     * Open verification inquiries asked longer ago than the threshold, once per inquiry, on both sides:
     * where we asked, to chase the partner; where we were asked, because the answer is ours to give.
     */
    private int unansweredInquiries(Instant now) {
        List<Object[]> open = database.inTransaction(em -> InquiryStore.openSince(em, InquiryStatus.OPEN,
                now.minus(settings.inquiryUnansweredAfter())));
        int raised = 0;
        for (Object[] row : open) {
            var i = (InquiryEntity) row[0];
            var c = (CertificateEntity) row[1];
            String co = c.issuingCountry() + ":" + c.number() + " v" + c.version();
            boolean askedByUs = i.side() == CertificateSide.IMPORT;
            String detail = "Verification inquiry " + i.inquiryId() + " about CO " + co + (askedByUs
                    ? ", asked of " + i.partnerId() + " by " + i.askedBy() : ", asked by " + i.askedBy() + " of "
                    + i.partnerId()) + " on " + i.askedAt() + ", has been unanswered for " + age(i.askedAt(), now)
                    + (askedByUs ? "; ask the partner" : "; answer it with 'coconnect answer " + i.inquiryId() + "'");
            String subject = "inquiry:" + i.side() + ":" + i.partnerId() + ":" + i.inquiryId();
            if (alerts.raiseOnce(ONCE, ErrorCode.INQUIRY_UNANSWERED, i.partnerId(), i.inquiryMessageId(), subject,
                    detail)) {
                raised++;
            }
        }
        return raised;
    }

    /** A span for people: "3d 4h" or "2h 5m". */
    private static String age(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.toDays() > 0 ? d.toDays() + "d " + d.toHoursPart() + "h" : d.toHours() + "h " + d.toMinutesPart() + "m";
    }
}
