package org.coconnect.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Sends messages from N threads for a time or a count, and records each message's latency (the
 * send only: preparing the CO is outside the timer) in an HdrHistogram, the answers, throughput, peak
 * heap and, when given the receiving server, its request threads' CPU time.
 */
final class LoadRun {

    /** Prepares a message (untimed), then sends it (timed) and returns the acknowledgement status. */
    interface Sender<T> {
        T prepare(long seq) throws Exception;

        String send(T message) throws Exception;
    }

    /** When a run stops: after a duration, or after a number of messages. */
    record Limit(Duration duration, long messages) {
        static Limit of(Duration duration) {
            return new Limit(duration, Long.MAX_VALUE);
        }

        static Limit of(long messages) {
            return new Limit(null, messages);
        }
    }

    private final String label;
    private final int concurrency;
    private final Limit limit;
    private final PrintStream out;
    private final ServerCpu serverCpu;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final LongAdder failures = new LongAdder();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    private LoadRun(String label, int concurrency, Limit limit, PrintStream out, ServerCpu serverCpu) {
        this.label = label;
        this.concurrency = concurrency;
        this.limit = limit;
        this.out = out;
        this.serverCpu = serverCpu;
    }

    /** A run; {@code serverCpu} is the receiving server's threads, or null to not measure them. */
    static <T> LoadResult run(String label, Sender<T> sender, int concurrency, Limit limit, PrintStream out,
                              ServerCpu serverCpu) throws InterruptedException {
        return new LoadRun(label, concurrency, limit, out, serverCpu).execute(sender);
    }

    private <T> LoadResult execute(Sender<T> sender) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = limit.duration() == null ? Long.MAX_VALUE : start + limit.duration().toNanos();
        var workers = new ArrayList<Worker<T>>();
        var progress = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-progress"));
        var cpuBefore = serverCpu == null ? null : serverCpu.snapshot();
        var heap = HeapPeak.start();
        try {
            progress.scheduleAtFixedRate(new Progress(start), 1, 1, TimeUnit.SECONDS);
            for (int i = 0; i < concurrency; i++) {
                var worker = new Worker<>(sender, deadline);
                workers.add(worker);
                worker.thread.start();
            }
            for (Worker<T> w : workers) {
                w.thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuNanos = serverCpu == null ? -1 : serverCpu.nanosSince(cpuBefore);
            progress.shutdownNow();
            // A tick already running would print after the result line.
            progress.awaitTermination(1, TimeUnit.SECONDS);
            return new LoadResult(label, done.get(), failures.sum(), counts(), seconds, merged(workers),
                    heap.peakUsed(), HeapPeak.maxHeap(), cpuNanos, firstError.get());
        } finally {
            progress.shutdownNow();
        }
    }

    private Map<String, Long> counts() {
        var counts = new TreeMap<String, Long>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    private static Histogram merged(List<? extends Worker<?>> workers) {
        Histogram all = LoadResult.newHistogram();
        workers.forEach(w -> all.add(w.latencies));
        return all;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One sending thread; its latencies stay in its own histogram so threads never contend on recording. */
    private final class Worker<T> implements Runnable {
        final Thread thread;
        final Sender<T> sender;
        final long deadline;
        final Histogram latencies = LoadResult.newHistogram();

        Worker(Sender<T> sender, long deadline) {
            this.sender = sender;
            this.deadline = deadline;
            this.thread = new Thread(this, "bench-sender");
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                long seq = sequence.getAndIncrement();
                if (seq >= limit.messages()) {
                    return;
                }
                sendOne(seq);
            }
        }

        private void sendOne(long seq) {
            try {
                T message = sender.prepare(seq);
                long t0 = System.nanoTime();
                String status = sender.send(message);
                latencies.recordValue(System.nanoTime() - t0);
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            } catch (Exception e) {
                failures.increment();
                firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            done.incrementAndGet();
        }

    }

    /** Prints one line a second: messages so far, the last second's rate, failures. */
    private final class Progress implements Runnable {
        private final long start;
        private long lastDone;

        Progress(long start) {
            this.start = start;
        }

        @Override
        public void run() {
            long now = done.get();
            out.printf(Locale.ROOT, "  %-28s %4.0f s %8d msgs %8.1f msg/s  failures %d%n", label,
                    (System.nanoTime() - start) / 1e9, now, (double) (now - lastDone), failures.sum());
            lastDone = now;
        }
    }
}
