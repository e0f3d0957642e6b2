package org.coconnect.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured; latencies are the successful sends' nanoseconds.
 *
 * @param serverCpuNanos CPU time of the receiving server's request threads during the run, or -1 when
 *                       not measured
 * @param firstError     the first failure's message, or null when none failed
 */
record LoadResult(String label, long messages, long failures, Map<String, Long> statuses, double seconds,
                  Histogram latencies, long peakHeapBytes, long maxHeapBytes, long serverCpuNanos, String firstError) {

    /** Latencies from 1 µs to an hour, three significant digits. */
    static Histogram newHistogram() {
        return new Histogram(1_000L, 3_600_000_000_000L, 3);
    }

    /** Successful messages per second over the whole run. */
    double rate() {
        return seconds == 0 ? 0 : (messages - failures) / seconds;
    }

    /** The latency at this percentile, in milliseconds (HdrHistogram, 3 significant digits). */
    double percentileMillis(double percentile) {
        if (latencies.getTotalCount() == 0) {
            return Double.NaN;
        }
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    /** Server CPU milliseconds per message (all messages the server handled), or NaN when not measured. */
    double serverCpuMsPerMessage() {
        return serverCpuNanos < 0 || messages == 0 ? Double.NaN : serverCpuNanos / 1e6 / messages;
    }

    long accepted() {
        return statuses.getOrDefault("ACCEPTED", 0L);
    }

    /** Every message answered ACCEPTED: nothing failed, rejected or came back as a duplicate. */
    boolean allAccepted() {
        return failures == 0 && accepted() == messages;
    }
}
