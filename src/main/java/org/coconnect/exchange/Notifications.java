package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coconnect.config.LocalClientConfig;
import org.coconnect.domain.EventKind;
import org.coconnect.domain.Operation;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.NotificationDeliveryEntity;
import org.coconnect.persistence.NotificationEventEntity;
import org.coconnect.persistence.NotificationStore;
import org.coconnect.persistence.OutboxEntity;

/**
 * Events for the domestic systems: each stored once with a stable ID, then delivered at least once to every client
 * that registered a callback for its kind (an outbox of callbacks, retried with backoff), and readable by polling.
 * {@link #publish} is the entry point for any part of the gateway; received messages, deliveries given up or
 * rejected, and alerts are published by {@link #feed} from what was stored, so none is lost to a crash.
 */
public final class Notifications {

    /** An event as the domestic systems see it; {@code sequence} orders events for polling. */
    public record Event(long sequence, String eventId, EventKind kind, Instant occurredAt, String partnerId,
                        String messageId, String certificate, String detail) {
    }

    /** One callback to make now: the event, and where to. */
    public record Callback(long deliveryId, String clientId, URI url, char[] secret, Event event) {
    }

    private record Subscriber(String clientId, String url) {
    }

    /** Attempts before a callback is given up; with the backoff below that is about a day. */
    static final int MAX_ATTEMPTS = 30;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Duration FEED_WINDOW = Duration.ofDays(1);
    private static final Map<Operation, EventKind> RECEIVED = Map.of(Operation.SEND_CO, EventKind.CO_RECEIVED,
            Operation.SEND_AMENDMENT_NOTIFICATION, EventKind.CANCELLATION_NOTICE_RECEIVED,
            Operation.SEND_CANCELLATION_STATUS, EventKind.CANCELLATION_STATUS_RECEIVED,
            Operation.SEND_FEEDBACK, EventKind.FEEDBACK_RECEIVED, Operation.SEND_DO, EventKind.DO_RECEIVED,
            Operation.SEND_VERIFICATION_INQUIRY, EventKind.INQUIRY_RECEIVED,
            Operation.SEND_INQUIRY_ANSWER, EventKind.INQUIRY_ANSWERED);

    private final Database database;
    private final Clock clock;
    private final Map<EventKind, List<Subscriber>> subscribers = new EnumMap<>(EventKind.class);
    private final Map<String, char[]> secrets = new java.util.HashMap<>();

    public Notifications(Database database, Clock clock, List<LocalClientConfig> clients) {
        this.database = database;
        this.clock = clock;
        for (LocalClientConfig client : clients) {
            client.callbacks().forEach((kind, url) -> subscribers.computeIfAbsent(EventKind.of(kind),
                    k -> new ArrayList<>()).add(new Subscriber(client.id(), url.toString())));
            if (client.notificationSecret() != null) {
                secrets.put(client.id(), client.notificationSecret());
            }
        }
    }

    /**
     * Publishes an event in the caller's transaction, so it exists exactly when what it tells of was stored; a
     * second publication with the same source key is ignored. Returns the event ID.
     */
    public Optional<String> publish(EntityManager em, EventKind kind, String sourceKey, String partnerId,
                                    String messageId, String certificate, String detail) {
        if (NotificationStore.exists(em, sourceKey)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var event = new NotificationEventEntity(UUID.randomUUID().toString(), kind.name(), sourceKey, now, partnerId,
                messageId, certificate, detail);
        em.persist(event);
        em.flush();
        for (Subscriber s : subscribers.getOrDefault(kind, List.of())) {
            em.persist(new NotificationDeliveryEntity(event.id(), s.clientId(), s.url(), now));
        }
        return Optional.of(event.eventId());
    }

    /** Publishes in a transaction of its own: for callers outside one, e.g. an alert raised by issue 19's mailer. */
    public Optional<String> publish(EventKind kind, String sourceKey, String partnerId, String messageId,
                                    String certificate, String detail) {
        return database.inTransaction(em -> publish(em, kind, sourceKey, partnerId, messageId, certificate, detail));
    }

    /** Turns what was stored since the last pass into events: messages received, deliveries failed, alerts. */
    public int feed() {
        return database.inTransaction(em -> {
            Instant start = NotificationStore.start(em);
            Instant window = clock.instant().minus(FEED_WINDOW);
            Instant since = start.isAfter(window) ? start : window;
            int published = 0;
            for (Object[] m : NotificationStore.unpublishedMessages(em, since)) {
                EventKind kind = Operation.byPathName((String) m[1]).map(RECEIVED::get).orElse(null);
                String certificate = m[4] == null ? null : m[4] + "/" + m[5] + "/" + m[6];
                if (kind != null && publish(em, kind, "message:" + m[0], (String) m[2], (String) m[3], certificate,
                        m[1] + " received").isPresent()) {
                    published++;
                }
            }
            for (OutboxEntity o : NotificationStore.unpublishedFailures(em, since)) {
                publish(em, EventKind.DELIVERY_FAILED, "delivery:" + o.id() + ":" + o.attempts(), o.partnerId(),
                        o.messageId(), null, o.operation() + " " + o.status() + (o.lastError() == null ? ""
                                : ": " + o.lastError()));
                published++;
            }
            for (AlertEntity a : NotificationStore.unpublishedAlerts(em, since)) {
                publish(em, EventKind.ALERT_RAISED, "alert:" + a.id(), a.partnerId(), a.messageId(), null,
                        a.code() + " " + a.detail());
                published++;
            }
            return published;
        });
    }

    /** Up to {@code limit} events after the one with this ID (from the first when null); empty if the ID is unknown. */
    public Optional<List<Event>> after(String eventId, int limit) {
        return database.inTransaction(em -> {
            Optional<Long> sequence = eventId == null ? Optional.of(0L)
                    : NotificationStore.byEventId(em, eventId).map(NotificationEventEntity::id);
            return sequence.map(s -> NotificationStore.after(em, s, limit).stream().map(Notifications::event).toList());
        });
    }

    /** Callbacks due now. */
    public List<Callback> due(int limit) {
        return database.inTransaction(em -> NotificationStore.due(em, clock.instant(), limit).stream()
                .map(d -> new Callback(d.id(), d.clientId(), URI.create(d.url()), secrets.get(d.clientId()),
                        event(em.find(NotificationEventEntity.class, d.eventPk())))).toList());
    }

    /** The receiver answered 2xx: the callback is done. */
    public void delivered(long deliveryId) {
        database.inTransaction(em -> {
            em.find(NotificationDeliveryEntity.class, deliveryId).delivered(clock.instant());
            return null;
        });
    }

    /** The receiver failed: retry with exponential backoff, give up after {@link #MAX_ATTEMPTS}. */
    public void failed(long deliveryId, String error) {
        database.inTransaction(em -> {
            var d = em.find(NotificationDeliveryEntity.class, deliveryId);
            int attempt = d.attempts() + 1;
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
            d.failed(error, attempt >= MAX_ATTEMPTS ? null
                    : clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait));
            return null;
        });
    }

    private static Event event(NotificationEventEntity e) {
        return new Event(e.id(), e.eventId(), EventKind.valueOf(e.kind()), e.occurredAt(), e.partnerId(),
                e.messageId(), e.certificate(), e.detail());
    }
}
