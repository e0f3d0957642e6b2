package org.coconnect.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.coconnect.domain.Operation;
import org.coconnect.exchange.ExchangeMetrics;
import org.coconnect.exchange.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's metrics in Prometheus format: messages in and out by operation and outcome, delivery
 * latency, the outbox backlog (read from the database at each scrape), and JVM and process metrics.
 */
public final class GatewayMetrics implements ExchangeMetrics, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);
    /** Label value for a refusal whose path names no operation. */
    private static final String NO_OPERATION = "unknown";
    /** Latency buckets spanning a prompt answer to the framework's last retry at 16 hours. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(10),
        Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(16)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Supplier<Outbox.Backlog> backlog;
    private final Clock clock;
    /** The backlog as read at the last scrape; null when it could not be read. */
    private volatile Outbox.Backlog lastBacklog;

    public GatewayMetrics(Supplier<Outbox.Backlog> backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
        Gauge.builder("coconnect.outbox.pending", this, m -> m.lastBacklog == null ? Double.NaN : m.lastBacklog.pending())
                .description("Outbound messages waiting for delivery")
                .register(registry);
        Gauge.builder("coconnect.outbox.oldest.pending", this, GatewayMetrics::oldestPendingSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest outbound message waiting for delivery; 0 when none")
                .register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public void received(Operation operation, String outcome) {
        Counter.builder("coconnect.messages.received")
                .description("Inbound messages answered, by operation and acknowledgement status or fault code")
                .tag("operation", label(operation))
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    @Override
    public void sent(Operation operation, String outcome) {
        Counter.builder("coconnect.messages.sent")
                .description("Delivery attempts, by operation and the partner's acknowledgement status, fault code or ERROR")
                .tag("operation", label(operation))
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    @Override
    public void acknowledged(Operation operation, Duration sinceQueued) {
        Timer.builder("coconnect.delivery.latency")
                .description("Time from queuing a message to the partner's acknowledgement, retries included")
                .tag("operation", label(operation))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(sinceQueued);
    }

    /** A gauge per partner of its requests on the partner listener now: admitted and not yet answered. */
    public void watchRequestsInFlight(java.util.List<String> partnerIds, java.util.function.ToIntFunction<String> inFlight) {
        for (String partnerId : partnerIds) {
            Gauge.builder("coconnect.partner.requests.in.flight", () -> inFlight.applyAsInt(partnerId))
                    .description("Requests of this partner admitted on the partner listener and not yet answered")
                    .tag("partner", partnerId)
                    .register(registry);
        }
    }

    /** The Prometheus text exposition of every metric, with the backlog read afresh (one aggregate query). */
    public String scrape() {
        try {
            lastBacklog = backlog.get();
        } catch (RuntimeException e) {
            // A scrape must still answer when the database does not; the gauges then read NaN.
            LOG.debug("Outbox backlog cannot be read for metrics", e);
            lastBacklog = null;
        }
        return registry.scrape();
    }

    private double oldestPendingSeconds() {
        Outbox.Backlog b = lastBacklog;
        if (b == null) {
            return Double.NaN;
        }
        return b.oldestCreatedAt() == null ? 0 : Duration.between(b.oldestCreatedAt(), clock.instant()).toMillis() / 1000.0;
    }

    private static String label(Operation operation) {
        return operation == null ? NO_OPERATION : operation.pathName();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
