package org.coconnect.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.coconnect.Gateway;
import org.coconnect.persistence.OutboxStore;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;

/**
 * A partner outage and its end: with the importing gateway down, the exporting one issues a backlog
 * of COs into its outbox; the importing one comes back and the outbox is drained while timed.
 * Delivery only starts once the partner is back: attempts during the outage would be rescheduled to
 * the framework's first retry mark (10 minutes), which measures the schedule, not the gateway.
 */
final class BacklogDrain {

    /** Issue and drain rates, and how the outbox ended. */
    record Result(int backlog, double issueSeconds, double drainSeconds, Map<String, Long> outbox) {
        double issueRate() {
            return backlog / issueSeconds;
        }

        double drainRate() {
            return outbox.getOrDefault("DELIVERED", 0L) / drainSeconds;
        }

        boolean allDelivered() {
            return outbox.getOrDefault("DELIVERED", 0L) == backlog && outbox.size() == 1;
        }
    }

    private final BenchSetup setup;
    private final PrintStream out;

    BacklogDrain(BenchSetup setup, PrintStream out) {
        this.setup = setup;
        this.out = out;
    }

    Result run(int backlog, int issuingThreads, String runToken) throws InterruptedException {
        setup.stopId();
        out.printf(Locale.ROOT, "Backlog: ID is down; KR issues %d COs (1 goods item) into its outbox%n", backlog);
        double issueSeconds = issue(backlog, issuingThreads, runToken);
        out.printf(Locale.ROOT, "  issued %d in %.1f s (%.0f/s); ID comes back, delivery starts%n", backlog, issueSeconds,
                backlog / issueSeconds);
        setup.startId();
        Gateway kr = setup.kr();
        var progress = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> printProgress(kr, start), 1, 1, TimeUnit.SECONDS);
        try {
            // The same passes the background poller makes, back to back, so no poll interval is measured.
            // A failed attempt is rescheduled to a retry mark, so it is not due and cannot keep this loop going.
            while (kr.deliverDue() > 0) {
                Thread.onSpinWait();
            }
        } finally {
            // Not shutdownNow(): interrupting the printer inside a query closed H2's file under the whole JVM before
            // the database ran on H2's retry-on-interrupt file system (DatabaseInterruptIT), and lost the drain figure.
            progress.shutdown();
            progress.awaitTermination(1, TimeUnit.MINUTES);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        return new Result(backlog, issueSeconds, drainSeconds, outboxByStatus(kr));
    }

    private double issue(int backlog, int threads, String runToken) throws InterruptedException {
        var factory = new SizeClass("1", 1, 0).factory(runToken + "B");
        var next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (long seq = next.getAndIncrement(); seq < backlog; seq = next.getAndIncrement()) {
                    var read = CertificateReader.read(OutboundPayloadWriter.text(factory.certificate(seq)));
                    setup.kr().useCases().issueCertificate().issue(read.certificate(), read.xml());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("issuing the backlog did not finish within an hour");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void printProgress(Gateway kr, long start) {
        var counts = outboxByStatus(kr);
        out.printf(Locale.ROOT, "  %-28s %4.0f s %8d delivered, %d pending%n", "backlog drain",
                (System.nanoTime() - start) / 1e9, counts.getOrDefault("DELIVERED", 0L), counts.getOrDefault("PENDING", 0L));
    }

    private static Map<String, Long> outboxByStatus(Gateway kr) {
        return kr.database().inTransaction(OutboxStore::countByStatus);
    }
}
