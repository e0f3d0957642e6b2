package org.coconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a delivery again after a technical failure: at fixed marks counted from the first
 * attempt. The framework's schedule (ch. 4.3.3) is every 10 minutes for an hour, then at the 2, 4, 8
 * and 16 hour marks; after the last mark the message waits for manual intervention.
 */
public record RetrySchedule(List<Duration> marks) {

    public static final RetrySchedule FRAMEWORK = new RetrySchedule(List.of(
            Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(40),
            Duration.ofMinutes(50), Duration.ofMinutes(60), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(16)));

    public RetrySchedule {
        marks = List.copyOf(marks);
        for (int i = 1; i < marks.size(); i++) {
            if (marks.get(i).compareTo(marks.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("retry marks must increase: " + marks);
            }
        }
    }

    /**
     * The time of the next attempt after {@code attemptsMade} attempts of a message first tried at
     * {@code firstAttempt}; empty when the schedule is exhausted. A mark already passed (the gateway
     * was down) is not skipped: the attempt is made at once, and later marks keep their times.
     */
    public Optional<Instant> next(Instant firstAttempt, int attemptsMade) {
        int index = attemptsMade - 1;
        if (index < 0) {
            return Optional.of(firstAttempt);
        }
        if (index >= marks.size()) {
            return Optional.empty();
        }
        return Optional.of(firstAttempt.plus(marks.get(index)));
    }

    /** Parses a comma-separated list of ISO-8601 durations, e.g. "PT10M,PT20M,PT1H". */
    public static RetrySchedule parse(String marks) {
        return new RetrySchedule(java.util.Arrays.stream(marks.split(",")).map(String::trim).map(Duration::parse).toList());
    }
}
