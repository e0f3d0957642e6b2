package org.coconnect.bench;

import java.util.Map;

/**
 * What one load run measured; latencies are sorted nanoseconds of the successful sends.
 *
 * @param firstError the first failure's message, or null when none failed
 */
record LoadResult(String label, long messages, long failures, Map<String, Long> statuses, double seconds,
                  long[] latencies, long peakHeapBytes, long maxHeapBytes, String firstError) {

    /** Successful messages per second over the whole run. */
    double rate() {
        return seconds == 0 ? 0 : (messages - failures) / seconds;
    }

    /** The latency at this percentile (nearest rank), in milliseconds. */
    double percentileMillis(double percentile) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * latencies.length);
        return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
    }

    long accepted() {
        return statuses.getOrDefault("ACCEPTED", 0L);
    }

    /** Every message answered ACCEPTED: nothing failed, rejected or came back as a duplicate. */
    boolean allAccepted() {
        return failures == 0 && accepted() == messages;
    }
}
