package org.coconnect.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.coconnect.concurrent.DaemonThreads;
import org.coconnect.exchange.Outbox;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.PayloadDigest;
import org.w3c.dom.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox messages: each attempt is freshly signed and encrypted for the partner, with the
 * message's original ID, so the receiver's deduplication holds across retries.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final Function<String, PartnerTransport> clients;
    private final String node;
    private final int batchSize;
    private final ExecutorService senders;
    /** Set when the gateway stops: no further message is claimed, attempts in flight finish. */
    private volatile boolean stopping;

    public DeliveryWorker(Outbox outbox, Function<String, PartnerTransport> clients, String node, int parallelism,
                          int batchSize) {
        this.outbox = outbox;
        this.clients = clients;
        this.node = node;
        this.batchSize = batchSize;
        this.senders = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("coconnect-delivery"));
    }

    /**
     * One pass: delivers every message due now and returns how many attempts were made. The next batch
     * is claimed while half of the current one is still in flight, so senders never idle at a batch's
     * tail during a backlog.
     */
    public int deliverAllDue() {
        int attempts = 0;
        var inFlight = new ArrayDeque<Future<?>>();
        boolean more = true;
        while (more || !inFlight.isEmpty()) {
            if (stopping) {
                more = false;
            }
            if (more && inFlight.size() <= batchSize / 2) {
                List<Outbox.Delivery> batch = outbox.claimDue(node, batchSize);
                batch.forEach(delivery -> inFlight.add(senders.submit(() -> deliver(delivery))));
                attempts += batch.size();
                more = batch.size() == batchSize;
            } else if (!awaitOldest(inFlight)) {
                return attempts;
            }
        }
        return attempts;
    }

    /** Waits for the oldest attempt in flight; false when interrupted. */
    private static boolean awaitOldest(ArrayDeque<Future<?>> inFlight) {
        try {
            inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            LOG.error("Delivery attempt failed unexpectedly", e.getCause());
        }
        return true;
    }

    private void deliver(Outbox.Delivery delivery) {
        Optional<PartnerTransport.Answered> answered;
        Element payload = null;
        try {
            payload = OutboundPayloadWriter.parse(delivery.payload());
            answered = clients.apply(delivery.partnerId()).deliver(delivery.operation(), payload,
                    UUID.fromString(delivery.messageId()));
        } catch (DigestMismatchException e) {
            outbox.evidence().digestMismatch(delivery, e.evidence(), e.getMessage());
            outbox.recordFailure(delivery, e.getMessage());
            return;
        } catch (DeliveryException e) {
            failed(delivery, payload, e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed(delivery, payload, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        if (answered.isPresent()) {
            outbox.evidence().answered(delivery, answered.get().evidence());
            outbox.recordAnswer(delivery, answered.get().ack());
        } else {
            // By mail: the attempt is out; its acknowledgement settles the message when it arrives, until then
            // the retry schedule resends the same message ID.
            outbox.recordSentAwaitingAnswer(delivery);
        }
    }

    private void failed(Outbox.Delivery delivery, Element payload, String error) {
        outbox.evidence().failed(delivery, payload == null ? new byte[0] : PayloadDigest.of(payload).sha256(), error);
        outbox.recordFailure(delivery, error);
    }

    /**
     * Graceful stop: claims nothing more, lets the attempts in flight record their outcome (at most
     * {@code grace}), then gives this node's remaining leases back so no message waits for a lease to expire.
     */
    public void stop(Duration grace) {
        stopping = true;
        try {
            senders.shutdown();
            senders.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        int released = outbox.releaseClaims(node);
        if (released > 0) {
            LOG.info("Released {} outbox lease(s) held by {}", released, node);
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
