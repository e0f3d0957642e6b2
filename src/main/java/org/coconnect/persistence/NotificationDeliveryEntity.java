package org.coconnect.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event to one client's callback URL: the outbox row of a notification. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDeliveryEntity {

    /** Where the callback stands. */
    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_pk")
    private long eventPk;
    @Column(name = "client_id")
    private String clientId;
    private String url;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected NotificationDeliveryEntity() {
    }

    public NotificationDeliveryEntity(long eventPk, String clientId, String url, Instant due) {
        this.eventPk = eventPk;
        this.clientId = clientId;
        this.url = url;
        this.status = Status.PENDING;
        this.nextAttemptAt = due;
    }

    public Long id() { return id; }
    public long eventPk() { return eventPk; }
    public String clientId() { return clientId; }
    public String url() { return url; }
    public Status status() { return status; }
    public int attempts() { return attempts; }

    public void delivered(Instant at) {
        attempts++;
        status = Status.DELIVERED;
        deliveredAt = at;
        nextAttemptAt = null;
        lastError = null;
    }

    /** A failed attempt: the next one at {@code next}, or none (given up) when null. */
    public void failed(String error, Instant next) {
        attempts++;
        lastError = error == null || error.length() <= 2048 ? error : error.substring(0, 2048);
        nextAttemptAt = next;
        if (next == null) {
            status = Status.FAILED;
        }
    }
}
