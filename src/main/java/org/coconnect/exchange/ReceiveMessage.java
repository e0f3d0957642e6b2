package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.coconnect.audit.AuditLog;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.HeaderRules;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.MessageStore;
import org.coconnect.persistence.RejectionEntity;
import org.coconnect.persistence.UniqueConstraints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one authenticated inbound message: answers a repeat from the stored original, validates,
 * and stores message and CO state change in one transaction. The acknowledgement it returns describes
 * what is committed; nothing is acknowledged before the commit.
 */
public final class ReceiveMessage {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveMessage.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Database database;
    private final AdministrationId self;
    private final Clock clock;
    private final Duration allowedSkew;
    private final Alerts alerts;
    private final InboundHandlers handlers;
    private final ExchangeMetrics metrics;

    private final AuditLog audit;

    public ReceiveMessage(Database database, AdministrationId self, Clock clock, Duration allowedSkew, Alerts alerts,
                          Outgoing outgoing, AuditLog audit, ExchangeMetrics metrics) {
        this.audit = audit;
        this.database = database;
        this.self = self;
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.alerts = alerts;
        this.handlers = InboundHandlers.all(outgoing);
        this.metrics = metrics;
    }

    /** Receives the message and returns the acknowledgement to send back, counted by operation and status. */
    public Acknowledgement receive(InboundMessage in) {
        Acknowledgement ack = answer(in);
        metrics.received(in.operation(), ack.status().name());
        return ack;
    }

    /**
     * What the receive transaction decided: the answer to a repeat, a message ID reused for other
     * content, a message with errors, or the acknowledgement of what it stored.
     */
    private sealed interface Decision {
        record Answered(Acknowledgement ack) implements Decision { }
        record Rejected(List<Problem> problems) implements Decision { }
    }

    private Acknowledgement answer(InboundMessage in) {
        // Validation is pure computation; done first, it keeps the transaction short.
        List<Problem> problems = validate(in);
        for (int attempt = 1; ; attempt++) {
            try {
                // One transaction per message. A valid message is stored without looking for an earlier
                // copy first: a repeat fails on the message's unique constraint and is answered from the
                // store below, so the common case saves a query and a repeat costs a rolled-back attempt.
                Decision decision = database.inTransaction(em -> decide(em, in, problems));
                return conclude(in, decision);
            } catch (RejectionException e) {
                // A repeat can break a lifecycle rule against its own first copy (the CO it cancelled is
                // cancelled now): it is answered from the store, whatever the rules say of it today.
                Optional<Decision> earlier = database.inTransaction(em -> answerFromStore(em, in));
                if (earlier.isPresent()) {
                    return conclude(in, earlier.get());
                }
                var all = new ArrayList<>(e.problems());
                all.addAll(problems);
                return reject(in, all);
            } catch (PersistenceException e) {
                // A concurrent copy of this message (or of this CO) committed first: answer as for a repeat.
                if (UniqueConstraints.isViolationOf(e, UniqueConstraints.MESSAGE)) {
                    return database.inTransaction(em -> answerFromStore(em, in)).map(d -> conclude(in, d))
                            .orElseThrow(() -> e);
                }
                boolean sameBusinessContent = UniqueConstraints.isViolationOf(e, UniqueConstraints.CERTIFICATE)
                        || UniqueConstraints.isViolationOf(e, UniqueConstraints.DECLARATION)
                        || UniqueConstraints.isViolationOf(e, UniqueConstraints.EXPORTER_LIST);
                if (!sameBusinessContent || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Rejections are recorded after the receive transaction, in one of their own that nothing can roll back. */
    private Acknowledgement conclude(InboundMessage in, Decision decision) {
        return decision instanceof Decision.Answered a ? a.ack() : reject(in, ((Decision.Rejected) decision).problems());
    }

    private Decision decide(EntityManager em, InboundMessage in, List<Problem> problems) {
        if (problems.stream().anyMatch(Problem::isError)) {
            // A repeat is answered from the store before its validity matters.
            return answerFromStore(em, in).orElseGet(() -> new Decision.Rejected(problems));
        }
        return new Decision.Answered(store(em, in, problems));
    }

    private Acknowledgement store(EntityManager em, InboundMessage in, List<Problem> warnings) {
        Instant now = clock.instant();
        var message = new MessageEntity(MessageEntity.Direction.INBOUND, in.partner().id(), in.operation().pathName(),
                in.messageId().toString(), in.header().related().map(Object::toString).orElse(null), in.receivedAt(),
                HexFormat.of().formatHex(in.payloadDigest()), in.rawEnvelope(), in.payload());
        var outcome = handlers.apply(em, in, now);
        Acknowledgement ack;
        if (outcome.businessDuplicate()) {
            var notes = new ArrayList<>(warnings);
            notes.add(outcome.duplicateNote());
            ack = new Acknowledgement(AcknowledgementStatus.DUPLICATE, in.messageId(), in.receivedAt(),
                    in.payloadDigest(), notes);
        } else {
            ack = Acknowledgement.accepted(in.messageId(), in.receivedAt(), in.payloadDigest(), warnings);
        }
        if (outcome.certificate() != null) {
            message.linkCertificate(outcome.certificate().id());
        }
        audit.record(em, AuditLog.Kind.INBOUND, in.partner().id(), in.messageId().toString(),
                in.operation().pathName() + " answered " + ack.status() + ", digest " + HexFormat.of().formatHex(in.payloadDigest()));
        message.recordAcknowledgement(ack.status(), now, StoredProblems.toStored(ack.problems()));
        // Inserted last, complete: one INSERT instead of an insert and an update. A concurrent copy of the
        // message still fails here, on the unique constraint, and rolls back all the above with it.
        MessageStore.insert(em, message);
        return ack;
    }

    /** The stored answer for a message already received: its original receipt, or a conflict when the content differs. */
    private Optional<Decision> answerFromStore(EntityManager em, InboundMessage in) {
        if (in.messageId().equals(InboundMessage.UNREADABLE_ID)) {
            return Optional.empty();
        }
        Optional<MessageEntity> stored = MessageStore.find(em, MessageEntity.Direction.INBOUND, in.partner().id(),
                in.messageId().toString());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        MessageEntity original = stored.get();
        if (!original.payloadDigest().equals(HexFormat.of().formatHex(in.payloadDigest()))) {
            return Optional.of(new Decision.Rejected(List.of(Problem.error(ErrorCode.MESSAGE_ID_CONFLICT,
                    "Message " + in.messageId() + " was received on " + original.receivedAt()
                            + " with different content; a new message needs a new message ID.",
                    "/m:" + in.operation().pathName() + "/m:MessageHeader/m:MessageId"))));
        }
        LOG.info("Duplicate {} {} from {}: answered with the original receipt", in.operation().pathName(),
                in.messageId(), in.partner().id());
        return Optional.of(new Decision.Answered(originalAcknowledgement(original).asDuplicate(Problem.warning(
                ErrorCode.DUPLICATE_MESSAGE, "Message " + in.messageId() + " was already received on "
                        + original.receivedAt() + " and answered " + original.ackStatus() + ".", null))));
    }

    private static Acknowledgement originalAcknowledgement(MessageEntity m) {
        return new Acknowledgement(m.ackStatus(),
                java.util.UUID.fromString(m.messageId()), m.receivedAt(), HexFormat.of().parseHex(m.payloadDigest()),
                StoredProblems.fromStored(m.problems()));
    }

    private List<Problem> validate(InboundMessage in) {
        var problems = new ArrayList<>(in.formatProblems());
        if (!in.isWellFormed()) {
            return problems;
        }
        Instant now = clock.instant();
        String headerPath = "/m:" + in.operation().pathName() + "/m:MessageHeader";
        problems.addAll(HeaderRules.check(in.header(), self, in.partner().administration(), now, allowedSkew, headerPath));
        problems.addAll(handlers.check(in, new RuleContext(in.header().sender(), self, now, allowedSkew)));
        return problems;
    }

    private Acknowledgement reject(InboundMessage in, List<Problem> problems) {
        List<Problem> errorsFirst = problems.stream().sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).toList();
        String codes = errorsFirst.stream().filter(Problem::isError).map(p -> p.code().code()).distinct()
                .collect(Collectors.joining(","));
        String detail = errorsFirst.stream().map(p -> p.code().code() + " " + p.text()
                + (p.location() == null ? "" : " at " + p.location())).collect(Collectors.joining("; "));
        String messageId = in.messageId().toString();
        try {
            database.inTransaction(em -> {
                em.persist(new RejectionEntity(in.partner().id(), in.operation().pathName(), messageId, in.receivedAt(),
                        HexFormat.of().formatHex(in.payloadDigest()), truncate(codes, 1024), truncate(detail, 4000))
                        .withRawEnvelope(in.rawEnvelope()));
                audit.record(em, AuditLog.Kind.REFUSAL, in.partner().id(), messageId,
                        in.operation().pathName() + " answered REJECTED: " + codes);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Rejection of {} from {} could not be recorded", messageId, in.partner().id(), e);
        }
        // The rejection row above keeps every message; the alert counts repeats of one code from this partner.
        alerts.raiseRefusal(ErrorCode.fromCode(codes.split(",")[0]).orElse(ErrorCode.INTERNAL_ERROR),
                "partner " + in.partner().id(), in.partner().id(), messageId,
                "Rejected " + in.operation().pathName() + ": " + detail);
        return Acknowledgement.rejected(in.messageId(), in.receivedAt(), in.payloadDigest(), errorsFirst);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
