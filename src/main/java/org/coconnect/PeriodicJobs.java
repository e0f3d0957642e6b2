package org.coconnect;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.coconnect.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one scheduler for its periodic jobs (delivery, watchdog, audit chaining, retention, CRL re-reading, mailbox). Each
 * job has a thread of its own, so a long retention pass never delays delivery; a failed pass is logged
 * and the next one retries.
 */
final class PeriodicJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJobs.class);
    private static final int JOBS = 6;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler =
            Executors.newScheduledThreadPool(JOBS, DaemonThreads.numbered("coconnect-periodic"));

    /** Runs the job after the first delay, then again each interval after the previous pass ended. */
    void every(String name, Duration first, Duration interval, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("{} pass failed; the next pass retries", name, e);
            }
        }, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops scheduling and waits for passes in flight, so none runs on a closed database. */
    @Override
    public void close() {
        // No interrupt: an H2 file database interrupted in the middle of a write may close itself.
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A periodic pass was still running {} after the stop", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
