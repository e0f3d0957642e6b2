package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.coconnect.audit.AuditLog;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.Operation;
import org.coconnect.domain.RetrySchedule;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.persistence.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery side of the outbox: claims due messages, and records each attempt's outcome with the
 * CO state change it brings, in one transaction.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** An error code in a partner's fault text, e.g. "CC-1000 The message failed security processing." */
    private static final Pattern FAULT_CODE = Pattern.compile("\\bCC-\\d{4}\\b");

    /** A message claimed for one delivery attempt. */
    public record Delivery(long id, String partnerId, Operation operation, String messageId, String payload) {
    }

    /** Messages waiting for delivery: how many, and since when the oldest of them (null when none). */
    public record Backlog(long pending, Instant oldestCreatedAt) {
    }

    private final Database database;
    private final RetrySchedule schedule;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration lease;
    private final ExchangeMetrics metrics;

    private final AuditLog audit;
    private final OutboundEvidence evidence;

    public Outbox(Database database, RetrySchedule schedule, Alerts alerts, Clock clock, Duration lease,
                  AuditLog audit, ExchangeMetrics metrics) {
        this.audit = audit;
        this.database = database;
        this.schedule = schedule;
        this.alerts = alerts;
        this.clock = clock;
        this.lease = lease;
        this.metrics = metrics;
        this.evidence = new OutboundEvidence(database, alerts, clock);
    }

    /** Where each attempt's evidence goes, before its outcome is recorded here. */
    public OutboundEvidence evidence() {
        return evidence;
    }

    /**
     * Claims up to {@code limit} due messages for this node. A claim is a lease: if the node dies,
     * it expires and another node takes the message; the receiver's deduplication covers the overlap.
     */
    public List<Delivery> claimDue(String node, int limit) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            // The lease itself is the conditional update: a message is claimed only if no live lease is on it.
            List<Long> claimed = OutboxStore.dueIds(em, now, limit, database.skipsLockedRows()).stream()
                    .filter(id -> OutboxStore.claim(em, id, node, now, now.plus(lease))).toList();
            return claimed.stream().map(id -> em.find(OutboxEntity.class, id))
                    .map(o -> new Delivery(o.id(), o.partnerId(), Operation.byPathName(o.operation()).orElseThrow(),
                            o.messageId(), o.payload()))
                    .toList();
        });
    }

    /**
     * Gives back this node's live leases on messages still pending, when it stops: another node (or this one
     * restarted) may take them at once instead of after the lease runs out. Returns how many were released.
     */
    public int releaseClaims(String node) {
        Instant now = clock.instant();
        return database.inTransaction(em -> OutboxStore.releaseClaims(em, node, now));
    }

    /** What recording one attempt's outcome came to: its latency, and why its effect could not apply (if so). */
    private record Recorded(Duration latency, boolean gaveUp, Optional<String> notApplied) {
    }

    /**
     * The partner answered with an acknowledgement: delivered, or rejected for good. A delivered answer
     * that comes after the message was given up or rejected (a slow attempt another node outlived, a
     * repeat the partner answered late) still settles it: the partner holds the message.
     */
    public void recordAnswer(Delivery delivery, Acknowledgement ack) {
        Optional<Recorded> recorded = settle(delivery, "answer " + ack.status(),
                applyEffects -> database.inTransaction(em -> answer(em, delivery, ack, applyEffects)));
        if (recorded.isEmpty()) {
            return;
        }
        metrics.sent(delivery.operation(), ack.status().name());
        metrics.acknowledged(delivery.operation(), recorded.get().latency());
        if (!ack.status().isDelivered()) {
            String problems = ack.problems().stream().map(p -> p.code().code() + " " + p.text())
                    .collect(Collectors.joining("; "));
            alerts.raise(ErrorCode.PARTNER_REJECTED, delivery.partnerId(), delivery.messageId(),
                    "Partner rejected " + delivery.operation().pathName() + ": " + problems);
        } else {
            LOG.info("Delivered {} {} to {}: {}", delivery.operation().pathName(), delivery.messageId(),
                    delivery.partnerId(), ack.status());
        }
        alertNotApplied(delivery, "answer " + ack.status(), recorded.get());
    }

    private Optional<Recorded> answer(EntityManager em, Delivery delivery, Acknowledgement ack, boolean applyEffects) {
        Instant now = clock.instant();
        OutboxEntity o = em.find(OutboxEntity.class, delivery.id());
        boolean delivered = ack.status().isDelivered();
        boolean late = o.status() != OutboxEntity.Status.PENDING;
        if (late && !(delivered && o.status() != OutboxEntity.Status.DELIVERED)) {
            dropped(o, delivery);
            return Optional.empty();
        }
        String before = o.status().name();
        o.recordAnswer(now, ack.status(), delivered);
        if (applyEffects) {
            DeliveryEffects.journal(em, o, ack, now);
        }
        audit.record(em, AuditLog.Kind.OUTBOUND, o.partnerId(), o.messageId(), o.operation() + " answered "
                + ack.status() + " on attempt " + o.attempts() + (late ? " (late: the message was " + before + ")" : ""));
        Optional<String> notApplied = applyEffects
                ? DeliveryEffects.answered(em, o, delivery.operation(), delivered, now) : Optional.of(UNAPPLIED);
        return Optional.of(new Recorded(Duration.between(o.createdAt(), now), false, notApplied));
    }

    /**
     * A technical failure: schedule the next attempt, or give up after the last mark and alert. A message
     * resent by hand after it was answered or given up gets that one attempt, not the schedule again.
     */
    public void recordFailure(Delivery delivery, String error) {
        recordAttempt(delivery, error, false);
    }

    /**
     * A mail attempt accepted by our SMTP server: recorded as an attempt still unanswered, so the retry schedule
     * resends it until the partner's acknowledgement mail settles it ({@link #recordAnswer}, late or not).
     */
    public void recordSentAwaitingAnswer(Delivery delivery) {
        recordAttempt(delivery, SENT_BY_MAIL, true);
    }

    private static final String SENT_BY_MAIL = "mailed; awaiting the partner's acknowledgement mail";

    private void recordAttempt(Delivery delivery, String error, boolean mailed) {
        Optional<Recorded> recorded = settle(delivery, "failure", applyEffects -> database.inTransaction(em -> {
            Instant now = clock.instant();
            OutboxEntity o = em.find(OutboxEntity.class, delivery.id());
            if (o.status() != OutboxEntity.Status.PENDING) {
                dropped(o, delivery);
                return Optional.<Recorded>empty();
            }
            boolean resentByHand = o.ackStatus() != null || o.attempts() > schedule.marks().size();
            Instant next = resentByHand ? null
                    : schedule.next(o.createdAt(), o.attempts() + 1).map(t -> t.isBefore(now) ? now : t).orElse(null);
            o.recordAttempt(now, error, next);
            audit.record(em, AuditLog.Kind.OUTBOUND, o.partnerId(), o.messageId(), o.operation() + " attempt "
                    + o.attempts() + " failed: " + error);
            Optional<String> notApplied = next != null ? Optional.empty()
                    : applyEffects ? DeliveryEffects.gaveUp(em, o, delivery.operation(), now) : Optional.of(UNAPPLIED);
            return Optional.of(new Recorded(Duration.between(o.createdAt(), now), next == null, notApplied));
        }));
        if (recorded.isEmpty()) {
            return;
        }
        metrics.sent(delivery.operation(), mailed ? "MAILED" : failureOutcome(error));
        if (recorded.get().gaveUp()) {
            alerts.raise(ErrorCode.RETRIES_EXHAUSTED, delivery.partnerId(), delivery.messageId(),
                    "Gave up delivering " + delivery.operation().pathName() + " after the last retry: " + error);
            alertNotApplied(delivery, "failure", recorded.get());
        } else if (mailed) {
            LOG.info("Mailed {} {} to {}; resent on schedule until acknowledged", delivery.operation().pathName(),
                    delivery.messageId(), delivery.partnerId());
        } else {
            LOG.warn("Delivery of {} {} to {} failed, will retry: {}", delivery.operation().pathName(),
                    delivery.messageId(), delivery.partnerId(), error);
        }
    }

    private static final String UNAPPLIED = "applying it to its CO or inquiry failed (see the gateway's log)";

    /**
     * Records an outcome with its effects; should that fail for any reason but an unreachable database,
     * records it again without them, so the message is settled rather than claimed after every lease.
     */
    private static Optional<Recorded> settle(Delivery delivery, String outcome,
                                             java.util.function.Function<Boolean, Optional<Recorded>> record) {
        try {
            return record.apply(true);
        } catch (RuntimeException e) {
            LOG.error("Recording the {} of {} {} to {} failed; recording it without its effect on the CO",
                    outcome, delivery.operation().pathName(), delivery.messageId(), delivery.partnerId(), e);
            return record.apply(false);
        }
    }

    private void alertNotApplied(Delivery delivery, String outcome, Recorded recorded) {
        recorded.notApplied().ifPresent(why -> alerts.raise(ErrorCode.OUTCOME_NOT_APPLIED, delivery.partnerId(),
                delivery.messageId(), "The " + outcome + " of " + delivery.operation().pathName() + " is recorded and the "
                        + "message settled, but " + why + "."));
    }

    /**
     * An operator's resend: due now, with the same message ID, for a waiting, failed or rejected message;
     * a failed or rejected send-co's CO starts delivery again. Refused with the reason otherwise.
     */
    public void resend(String messageId) {
        database.inTransaction(em -> {
            OutboxEntity o = OutboxStore.byMessageId(em, messageId)
                    .orElseThrow(() -> refusal(ErrorCode.UNKNOWN_MESSAGE, "No message " + messageId + " is in the outbox."));
            if (o.status() == OutboxEntity.Status.DELIVERED) {
                throw refusal(ErrorCode.ALREADY_DELIVERED, "Message " + messageId + " has been delivered; there is nothing to resend.");
            }
            if (o.payload() == null || o.payload().isEmpty()) {
                throw refusal(ErrorCode.CONTENT_ERASED, "The content of message " + messageId
                        + " has been erased by retention; it cannot be resent.");
            }
            Instant now = clock.instant();
            DeliveryEffects.restart(em, o, Operation.byPathName(o.operation()).orElseThrow(), now);
            String before = o.status().name();
            o.resendNow(now);
            audit.record(em, AuditLog.Kind.ADMIN, o.partnerId(), o.messageId(), "resend requested by an operator ("
                    + before + ")");
            return null;
        });
    }

    private static RejectionException refusal(ErrorCode code, String text) {
        return new RejectionException(org.coconnect.domain.Problem.error(code, text, null));
    }

    public Optional<OutboxEntity> byMessageId(String messageId) {
        return database.inTransaction(em -> OutboxStore.byMessageId(em, messageId));
    }

    /** Messages not delivered yet, or given up: what an operator looks at. */
    public List<OutboxEntity> undelivered() {
        return database.inTransaction(OutboxStore::undelivered);
    }

    /**
     * Another attempt already settled this message: a slow attempt's lease ran out and the node that took
     * the message over finished first. The late outcome changes nothing (the receiver answered the repeat
     * from its store), so a delivered message never goes back to pending.
     */
    private static void dropped(OutboxEntity o, Delivery delivery) {
        LOG.info("{} {} to {} was already settled as {} by another attempt; this attempt's outcome is dropped",
                delivery.operation().pathName(), delivery.messageId(), delivery.partnerId(), o.status());
    }

    /** The partner's fault code when its fault text carries one of ours, else ERROR (no readable answer). */
    private static String failureOutcome(String error) {
        return FAULT_CODE.matcher(error == null ? "" : error).results().map(java.util.regex.MatchResult::group)
                .filter(c -> ErrorCode.fromCode(c).isPresent()).findFirst().orElse("ERROR");
    }

    /** The delivery backlog, in one cheap aggregate query: for metrics scrapes and health checks. */
    public Backlog backlog() {
        Object[] row = database.inTransaction(OutboxStore::pendingCountAndOldest);
        return new Backlog(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** Like {@link #byMessageId}, as a copy that holds no entity. */
    public Optional<DeliveryView> delivery(String messageId) {
        return byMessageId(messageId).map(DeliveryView::of);
    }

    /** Like {@link #undelivered}, as copies that hold no entity. */
    public List<DeliveryView> undeliveredViews() {
        return undelivered().stream().map(DeliveryView::of).toList();
    }
}
