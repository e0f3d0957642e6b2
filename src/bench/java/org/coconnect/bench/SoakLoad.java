package org.coconnect.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.coconnect.client.DeliveryException;
import org.coconnect.client.PartnerClient;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.w3c.dom.Element;

/**
 * The soak's senders: each takes the next CO, sends it signed and encrypted over mutual TLS with the
 * production client, and, for a share of them, sends the same message (same ID and content, fresh
 * signature) again, either at once from a second thread, racing the original, or after its answer.
 * Like a real partner, a sender whose send got no answer (the gateway was killed) sends again until answered.
 */
final class SoakLoad {

    private static final long RETRY_PAUSE_MS = 200;
    private static final long PATIENCE_MS = TimeUnit.MINUTES.toMillis(10);

    private final PartnerClient client;
    private final SoakLedger ledger;
    private final double resendShare;
    private final String runToken = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger failuresShown = new AtomicInteger();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final ExecutorService racers = Executors.newCachedThreadPool(r -> daemon(r, "soak-racer"));

    SoakLoad(PartnerClient client, SoakLedger ledger, double resendShare) {
        this.client = client;
        this.ledger = ledger;
        this.resendShare = resendShare;
    }

    /**
     * A message as sent, and sent again: its payload kept as text, parsed afresh for every send, so every
     * copy has the same content and no two threads share a DOM.
     */
    private record Message(UUID messageId, String payload, String coNumber) {
    }

    /** Sends {@code messages} COs from {@code senders} threads; returns when every one has been answered. */
    void run(int messages, int senders) throws InterruptedException {
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < senders; i++) {
            Thread t = daemon(() -> sendUntil(messages), "soak-sender-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        racers.shutdownNow();
    }

    private void sendUntil(int messages) {
        for (int seq = next.incrementAndGet(); seq <= messages; seq = next.incrementAndGet()) {
            Message m = message(seq);
            double draw = ThreadLocalRandom.current().nextDouble();
            if (draw < resendShare / 2) {
                // The copy races the original: both may be in the receive transaction at once.
                CompletableFuture<Void> copy = CompletableFuture.runAsync(() -> deliver(m), racers);
                deliver(m);
                copy.join();
            } else if (draw < resendShare) {
                deliver(m);
                deliver(m);
            } else {
                deliver(m);
            }
        }
    }

    private Message message(int seq) {
        String number = "KR-SOAK-" + runToken + "-" + seq;
        Element co = SampleCertificate.create(number, 1, "KR", "ID", 1, Instant.now().minusSeconds(60));
        MessageHeader header = client.newHeader(UUID.randomUUID(), null);
        sent.add(header.messageId().toString());
        return new Message(header.messageId(), OutboundPayloadWriter.text(RequestBuilder.sendCo(header, co)), number);
    }

    private void deliver(Message m) {
        long giveUpAt = System.currentTimeMillis() + PATIENCE_MS;
        while (System.currentTimeMillis() < giveUpAt) {
            try {
                // Each send signs afresh (new Timestamp), as a partner's retry does.
                var ack = client.send(Operation.SEND_CO, OutboundPayloadWriter.parse(m.payload()), m.messageId());
                ledger.answered(m.messageId().toString(), m.coNumber(), ack.status().name());
                return;
            } catch (DeliveryException | RuntimeException e) {
                // A RuntimeException is the client's own failure: recorded and retried, so that it shows in the
                // result instead of silently ending this sender.
                String failure = e instanceof DeliveryException ? e.getMessage() : e.toString();
                ledger.transportFailed(m.messageId().toString(), failure);
                if (!failure.contains(" unreachable for ") && failuresShown.getAndIncrement() < 3) {
                    // The gateway being down is expected; anything else is worth seeing.
                    System.out.println("  send without an answer: " + failure);
                }
                try {
                    Thread.sleep(RETRY_PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // Given up: the message counts as unanswered in the result.
    }

    /** The message IDs of every CO taken for sending. */
    Set<String> sent() {
        return sent;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
