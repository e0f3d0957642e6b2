package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.coconnect.audit.AuditLog;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.CertificateEvent;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.RetrySchedule;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.InquiryStore;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.MessageStore;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.persistence.ProblemEmbeddable;
import org.hibernate.Timeouts;
import org.hibernate.jpa.SpecHints;
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

    public Outbox(Database database, RetrySchedule schedule, Alerts alerts, Clock clock, Duration lease,
                  AuditLog audit, ExchangeMetrics metrics) {
        this.audit = audit;
        this.database = database;
        this.schedule = schedule;
        this.alerts = alerts;
        this.clock = clock;
        this.lease = lease;
        this.metrics = metrics;
    }

    /**
     * Claims up to {@code limit} due messages for this node. A claim is a lease: if the node dies,
     * it expires and another node takes the message; the receiver's deduplication covers the overlap.
     */
    public List<Delivery> claimDue(String node, int limit) {
        Instant now = clock.instant();
        return database.inTransaction(em -> {
            var due = em.createQuery("""
                            select o.id from OutboxEntity o
                            where o.status = :pending and o.nextAttemptAt <= :now
                              and (o.claimedUntil is null or o.claimedUntil < :now)
                            order by o.nextAttemptAt, o.id""", Long.class)
                    .setParameter("pending", OutboxEntity.Status.PENDING)
                    .setParameter("now", now)
                    .setMaxResults(limit);
            if (database.skipsLockedRows()) {
                // Rows another node is claiming right now are skipped rather than waited for: nodes
                // polling at once split the due messages between them instead of contending for the same.
                due.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI);
            }
            // The lease itself is the conditional update: whatever the select saw, a message is claimed
            // only if no live lease is on it when the update runs, on either database.
            List<Long> claimed = due.getResultList().stream().filter(id -> em.createQuery("""
                            update OutboxEntity o set o.claimedBy = :node, o.claimedUntil = :until
                            where o.id = :id and o.status = :pending
                              and (o.claimedUntil is null or o.claimedUntil < :now)""")
                    .setParameter("node", node)
                    .setParameter("until", now.plus(lease))
                    .setParameter("id", id)
                    .setParameter("pending", OutboxEntity.Status.PENDING)
                    .setParameter("now", now)
                    .executeUpdate() == 1).toList();
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
        return database.inTransaction(em -> em.createQuery("""
                        update OutboxEntity o set o.claimedBy = null, o.claimedUntil = null
                        where o.claimedBy = :node and o.status = :pending and o.claimedUntil >= :now""")
                .setParameter("node", node)
                .setParameter("pending", OutboxEntity.Status.PENDING)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** The partner answered with an acknowledgement: delivered, or rejected for good. */
    public void recordAnswer(Delivery delivery, Acknowledgement ack) {
        Optional<Duration> recorded = database.inTransaction(em -> {
            Instant now = clock.instant();
            OutboxEntity o = em.find(OutboxEntity.class, delivery.id());
            if (settledElsewhere(o, delivery)) {
                return Optional.<Duration>empty();
            }
            o.recordAnswer(now, ack.status().name(), ack.status().isDelivered());
            journal(em, o, ack, now);
            audit.record(em, AuditLog.Kind.OUTBOUND, o.partnerId(), o.messageId(),
                    o.operation() + " answered " + ack.status() + " on attempt " + o.attempts());
            if (delivery.operation() == Operation.SEND_CO) {
                certificate(em, o).ifPresent(co -> CertificateTransitions.apply(co, ack.status().isDelivered()
                        ? CertificateEvent.CONFIRM_DELIVERY : CertificateEvent.REFUSE_DELIVERY, now, null));
            }
            if (delivery.operation() == Operation.SEND_VERIFICATION_INQUIRY && !ack.status().isDelivered()) {
                // Rejected for good (e.g. the partner does not know the CO): it will never be answered.
                InquiryStore.byInquiryMessage(em, o.messageId())
                        .ifPresent(i -> i.moveTo(InquiryStatus.REFUSED.name(), now));
            }
            return Optional.of(Duration.between(o.createdAt(), now));
        });
        if (recorded.isEmpty()) {
            return;
        }
        metrics.sent(delivery.operation(), ack.status().name());
        metrics.acknowledged(delivery.operation(), recorded.get());
        if (!ack.status().isDelivered()) {
            String problems = ack.problems().stream().map(p -> p.code().code() + " " + p.text())
                    .collect(Collectors.joining("; "));
            alerts.raise(ErrorCode.PARTNER_REJECTED, delivery.partnerId(), delivery.messageId(),
                    "Partner rejected " + delivery.operation().pathName() + ": " + problems);
        } else {
            LOG.info("Delivered {} {} to {}: {}", delivery.operation().pathName(), delivery.messageId(),
                    delivery.partnerId(), ack.status());
        }
    }

    /** A technical failure: schedule the next attempt, or give up after the last mark and alert. */
    public void recordFailure(Delivery delivery, String error) {
        Optional<Boolean> outcome = database.inTransaction(em -> {
            Instant now = clock.instant();
            OutboxEntity o = em.find(OutboxEntity.class, delivery.id());
            if (settledElsewhere(o, delivery)) {
                return Optional.<Boolean>empty();
            }
            Instant next = schedule.next(o.createdAt(), o.attempts() + 1).map(t -> t.isBefore(now) ? now : t).orElse(null);
            o.recordAttempt(now, error, next);
            audit.record(em, AuditLog.Kind.OUTBOUND, o.partnerId(), o.messageId(), o.operation() + " attempt "
                    + o.attempts() + " failed: " + error);
            if (next == null && delivery.operation() == Operation.SEND_CO) {
                certificate(em, o).ifPresent(co -> CertificateTransitions.apply(co, CertificateEvent.FAIL_DELIVERY, now, null));
            }
            return Optional.of(next == null);
        });
        if (outcome.isEmpty()) {
            return;
        }
        metrics.sent(delivery.operation(), failureOutcome(error));
        if (outcome.get()) {
            alerts.raise(ErrorCode.RETRIES_EXHAUSTED, delivery.partnerId(), delivery.messageId(),
                    "Gave up delivering " + delivery.operation().pathName() + " after the last retry: " + error);
        } else {
            LOG.warn("Delivery of {} {} to {} failed, will retry: {}", delivery.operation().pathName(),
                    delivery.messageId(), delivery.partnerId(), error);
        }
    }

    /** An operator's resend of a failed or rejected message: due now, with the same message ID. */
    public boolean resend(String messageId) {
        return database.inTransaction(em -> em.createQuery("select o from OutboxEntity o where o.messageId = :id",
                        OutboxEntity.class).setParameter("id", messageId).getResultStream().findFirst()
                .filter(o -> o.status() != OutboxEntity.Status.DELIVERED)
                .map(o -> {
                    o.resendNow(clock.instant());
                    audit.record(em, AuditLog.Kind.ADMIN, o.partnerId(), o.messageId(), "resend requested by an operator");
                    return true;
                }).orElse(false));
    }

    public Optional<OutboxEntity> byMessageId(String messageId) {
        return database.inTransaction(em -> em.createQuery("select o from OutboxEntity o where o.messageId = :id",
                OutboxEntity.class).setParameter("id", messageId).getResultStream().findFirst());
    }

    /** Messages not delivered yet, or given up: what an operator looks at. */
    public List<OutboxEntity> undelivered() {
        return database.inTransaction(em -> em.createQuery(
                        "select o from OutboxEntity o where o.status <> :delivered order by o.createdAt", OutboxEntity.class)
                .setParameter("delivered", OutboxEntity.Status.DELIVERED).getResultList());
    }

    /**
     * Whether another node already recorded this message's outcome: its lease on a slow attempt ran
     * out, and the node that took the message over finished first. The late outcome changes nothing
     * (the receiver answered the repeat from its store), so a delivered message never goes back to pending.
     */
    private static boolean settledElsewhere(OutboxEntity o, Delivery delivery) {
        if (o.status() == OutboxEntity.Status.PENDING) {
            return false;
        }
        LOG.info("{} {} to {} was already settled as {} by another attempt; this attempt's outcome is dropped",
                delivery.operation().pathName(), delivery.messageId(), delivery.partnerId(), o.status());
        return true;
    }

    /** The partner's fault code when its fault text carries one of ours, else ERROR (no readable answer). */
    private static String failureOutcome(String error) {
        return FAULT_CODE.matcher(error == null ? "" : error).results().map(java.util.regex.MatchResult::group)
                .filter(c -> ErrorCode.fromCode(c).isPresent()).findFirst().orElse("ERROR");
    }

    /** The delivery backlog, in one cheap aggregate query: for metrics scrapes and health checks. */
    public Backlog backlog() {
        Object[] row = database.inTransaction(em -> em.createQuery(
                        "select count(o), min(o.createdAt) from OutboxEntity o where o.status = :pending", Object[].class)
                .setParameter("pending", OutboxEntity.Status.PENDING).getSingleResult());
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

    private static Optional<CertificateEntity> certificate(EntityManager em, OutboxEntity o) {
        return Optional.ofNullable(o.certificateId()).map(id -> em.find(CertificateEntity.class, id));
    }

    /** The sent message and the partner's answer, side by side with inbound messages in the journal. */
    private static void journal(EntityManager em, OutboxEntity o, Acknowledgement ack, Instant now) {
        // A message resent by hand after a rejection already has its journal entry: it gets the new answer.
        var message = MessageStore.find(em, MessageEntity.Direction.OUTBOUND, o.partnerId(), o.messageId())
                .orElseGet(() -> {
                    var m = new MessageEntity(MessageEntity.Direction.OUTBOUND, o.partnerId(), o.operation(), o.messageId(),
                            null, o.createdAt(), java.util.HexFormat.of().formatHex(ack.payloadDigest()), null, o.payload());
                    MessageStore.insert(em, m);
                    return m;
                });
        message.recordAcknowledgement(ack.status().name(), now, ack.problems().stream()
                .map(p -> new ProblemEmbeddable(p.code().code(), p.severity().name(), p.text(), p.location())).toList());
        message.linkCertificate(o.certificateId());
    }
}
