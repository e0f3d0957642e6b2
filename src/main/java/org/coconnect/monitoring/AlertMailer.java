package org.coconnect.monitoring;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.coconnect.concurrent.DaemonThreads;
import org.coconnect.config.AlertMailConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RaisedAlert;
import org.coconnect.mail.MailSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails alerts to the operators, each kind to its configured recipients (or not at all), de-duplicated: the
 * first alert of a kind about a partner is mailed at once; repeats within the window are only counted, and one
 * summary mail tells how many came when the window closes. An outage that raises a thousand alerts sends two
 * mails. Mails go out on a thread of their own, so a slow SMTP server never holds up the code that raised them.
 */
public final class AlertMailer implements RaisedAlert.Subscriber, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMailer.class);

    private final AlertMailConfig config;
    private final MailSessions sessions;
    private final String from;
    private final String gatewayId;
    private final Clock clock;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("coconnect-alert-mail"));
    /** Open windows by kind and partner; touched on the sender thread only. */
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        private final Instant closesAt;
        private int repeats;
        private RaisedAlert last;

        Window(Instant closesAt) {
            this.closesAt = closesAt;
        }
    }

    public AlertMailer(AlertMailConfig config, MailSessions sessions, String from, String gatewayId, Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.from = from;
        this.gatewayId = gatewayId;
        this.clock = clock;
        long everyMillis = Math.max(1000, Math.min(60_000, config.window().toMillis() / 4));
        sender.scheduleWithFixedDelay(this::closeDueWindows, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void raised(RaisedAlert alert) {
        if (config.recipientsOf(alert.code().code()).isEmpty()) {
            return;
        }
        try {
            sender.execute(() -> consider(alert));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("Alert {} raised while the gateway stops; not mailed", alert.code().code());
        }
    }

    private void consider(RaisedAlert alert) {
        String key = alert.code().code() + "|" + alert.partnerId();
        Window open = windows.get(key);
        if (open != null && alert.raisedAt().isBefore(open.closesAt)) {
            open.repeats++;
            open.last = alert;
            return;
        }
        if (open != null) {
            summarise(open);
        }
        windows.put(key, new Window(alert.raisedAt().plus(config.window())));
        mail(alert.code(), subject(alert, ""), body(alert));
    }

    /** Sends the summary of every window that has closed, now (also run by itself every quarter window). */
    public void closeDueWindows() {
        Instant now = clock.instant();
        windows.values().removeIf(w -> {
            if (now.isBefore(w.closesAt)) {
                return false;
            }
            summarise(w);
            return true;
        });
    }

    /** Waits until every alert raised so far has been considered and closed windows summed up; for tests. */
    public void flush() {
        try {
            sender.submit(this::closeDueWindows).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("alert mails did not settle", e);
        }
    }

    private void summarise(Window window) {
        if (window.repeats == 0) {
            return;
        }
        RaisedAlert last = window.last;
        mail(last.code(), subject(last, window.repeats + " more: "), window.repeats + " more alert(s) like this were raised"
                + " until " + window.closesAt + " and not mailed one by one. The last one:\n\n" + body(last));
    }

    private String subject(RaisedAlert alert, String prefix) {
        return "[CoConnect " + gatewayId + "] " + prefix + alert.code().code() + " " + alert.code().name()
                + (alert.partnerId() == null ? "" : " partner " + alert.partnerId());
    }

    private static String body(RaisedAlert alert) {
        return "Raised at: " + alert.raisedAt() + "\nCode: " + alert.code().code() + " (" + alert.code().meaning() + ")\n"
                + "Partner: " + alert.partnerId() + "\nMessage: " + alert.messageId() + "\n\n" + alert.detail()
                + "\n\nAll alerts: coconnect alerts (or the local interface's /alerts).\n";
    }

    private void mail(ErrorCode code, String subject, String text) {
        List<String> to = config.recipientsOf(code.code());
        try {
            var message = new MimeMessage(sessions.smtpSession());
            message.setFrom(new InternetAddress(from, true));
            for (String address : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            }
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            sessions.send(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.error("{} {}: the alert mail '{}' to {} could not be sent: {}", ErrorCode.ALERT_MAIL_FAILED.code(),
                    ErrorCode.ALERT_MAIL_FAILED.meaning(), subject, to, e.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
