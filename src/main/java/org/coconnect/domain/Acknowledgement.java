package org.coconnect.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to a message: status, what was received, when, its digest and every problem found. */
public record Acknowledgement(AcknowledgementStatus status, UUID receivedMessageId, Instant receivedAt,
                              byte[] payloadDigest, List<Problem> problems) {

    public Acknowledgement {
        problems = List.copyOf(problems);
    }

    /** ACCEPTED, or ACCEPTED_WITH_WARNINGS when there are (only) warnings. */
    public static Acknowledgement accepted(UUID messageId, Instant at, byte[] digest, List<Problem> warnings) {
        var status = warnings.isEmpty() ? AcknowledgementStatus.ACCEPTED : AcknowledgementStatus.ACCEPTED_WITH_WARNINGS;
        return new Acknowledgement(status, messageId, at, digest, warnings);
    }

    public static Acknowledgement rejected(UUID messageId, Instant at, byte[] digest, List<Problem> problems) {
        return new Acknowledgement(AcknowledgementStatus.REJECTED, messageId, at, digest, problems);
    }

    /** The same receipt again, marked DUPLICATE, with a note saying so. */
    public Acknowledgement asDuplicate(Problem note) {
        var all = new java.util.ArrayList<Problem>(problems.size() + 1);
        all.addAll(problems);
        all.add(note);
        return new Acknowledgement(AcknowledgementStatus.DUPLICATE, receivedMessageId, receivedAt, payloadDigest, all);
    }
}
