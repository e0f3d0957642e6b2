package org.coconnect.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a soak: the three counts that must be zero (acknowledged ACCEPTED or DUPLICATE but not
 * stored, stored twice, answered ACCEPTED twice), and what shows that the storm happened
 * (kills performed, answers in every life of the gateway, transport failures the kills caused), and, for a
 * storm that failed, what helps to find out why (the last failure of messages never answered, the gateway's
 * process state, the stacks of its threads in our code, its last ERROR lines).
 */
record SoakResult(String database, int messages, int killsDone, long acknowledgedButMissing, long storedTwice,
                  long acceptedTwice, int unanswered, List<Long> answersPerLife, Map<String, Long> statuses,
                  long acceptedAnswerLost, long transportFailures, double seconds, List<String> missingExamples,
                  List<String> diagnosis) {

    /** Whether nothing acknowledged was lost, nothing stored twice, nothing accepted twice, everything answered. */
    boolean clean() {
        return acknowledgedButMissing == 0 && storedTwice == 0 && acceptedTwice == 0 && unanswered == 0;
    }

    /** One line, for logs and scripts. */
    String summary() {
        return String.format(Locale.ROOT, "SOAK %s: %s messages=%d kills=%d acknowledged-but-missing=%d stored-twice=%d "
                        + "accepted-twice=%d unanswered=%d (%.0f s)", database, clean() ? "CLEAN" : "FAILED", messages,
                killsDone, acknowledgedButMissing, storedTwice, acceptedTwice, unanswered, seconds);
    }

    /** A few lines more: the answers, the lives of the gateway, and examples of what went missing. */
    String report() {
        var lines = new StringBuilder();
        lines.append("  answers by status: ").append(statuses).append('\n');
        lines.append("  messages stored whose ACCEPTED answer a kill cut off (only DUPLICATE received): ")
                .append(acceptedAnswerLost).append('\n');
        lines.append("  sends without an answer (gateway down, killed mid-request, or refusing), retried: ")
                .append(transportFailures).append('\n');
        lines.append("  answers per life of the gateway (").append(answersPerLife.size()).append(" lives): ")
                .append(answersPerLife).append('\n');
        if (!missingExamples.isEmpty()) {
            lines.append("  acknowledged, not in the database: ").append(missingExamples).append('\n');
        }
        if (!clean()) {
            diagnosis.forEach(line -> lines.append("  ").append(line).append('\n'));
        }
        return lines.toString();
    }
}
