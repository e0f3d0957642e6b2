package org.coconnect.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.coconnect.concurrent.DaemonThreads;
import org.coconnect.exchange.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the domestic systems' callback URLs: each pass turns what was stored into events, then POSTs every callback
 * due, signed with the client's secret, and records the outcome; a failure is retried with backoff, so every event
 * reaches every subscriber at least once, also across restarts.
 */
public final class CallbackWorker implements AutoCloseable {

    /** The headers of a callback: the event's stable ID, the signing time and the signature (HMAC-SHA256, hex). */
    public static final String EVENT_ID = "X-CoConnect-Event-Id";
    public static final String TIMESTAMP = "X-CoConnect-Timestamp";
    public static final String SIGNATURE = "X-CoConnect-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackWorker.class);
    private static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Notifications notifications;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("coconnect-callbacks"));

    public CallbackWorker(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Runs a pass every interval in the background. */
    public CallbackWorker start(Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                pass();
            } catch (RuntimeException e) {
                LOG.error("Notification pass failed; the next pass retries", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Publishes what was stored, then makes every callback due now; returns how many were answered 2xx. */
    public int pass() {
        try {
            notifications.feed();
        } catch (RuntimeException e) {
            // Another node may have published the same stored row first (unique source key): the next pass goes on.
            LOG.warn("Events could not be published this pass; the next pass retries: {}", e.getMessage());
        }
        int delivered = 0;
        for (var callback : notifications.due(BATCH)) {
            String error = call(callback);
            if (error == null) {
                notifications.delivered(callback.deliveryId());
                delivered++;
            } else {
                LOG.warn("Callback of event {} to client {} failed: {}", callback.event().eventId(), callback.clientId(),
                        error);
                notifications.failed(callback.deliveryId(), error);
            }
        }
        return delivered;
    }

    /** Null when the receiver answered 2xx, else what went wrong. */
    private String call(Notifications.Callback callback) {
        try {
            String body = body(callback.event());
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            var request = HttpRequest.newBuilder(callback.url()).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header(EVENT_ID, callback.event().eventId())
                    .header(TIMESTAMP, timestamp).header(SIGNATURE, "sha256=" + sign(callback.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException | GeneralSecurityException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The JSON body of an event, as callbacks and GET /events show it. */
    public static Map<String, Object> json(Notifications.Event e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("eventId", e.eventId());
        json.put("kind", e.kind().label());
        json.put("occurredAt", e.occurredAt().toString());
        json.put("partner", e.partnerId());
        json.put("messageId", e.messageId());
        json.put("certificate", e.certificate());
        json.put("detail", e.detail());
        return json;
    }

    private static String body(Notifications.Event e) throws JsonProcessingException {
        return JSON.writeValueAsString(json(e));
    }

    /** HMAC-SHA256 over "timestamp.body" with the client's secret: the receiver recomputes it, and the timestamp bounds replays. */
    public static String sign(char[] secret, String timestamp, String body) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new String(secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
