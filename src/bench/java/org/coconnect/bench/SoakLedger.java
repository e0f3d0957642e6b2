package org.coconnect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the soak's senders were told: every answer per message ID, and how many answers each life of the
 * gateway process gave (a life ends with a kill -9), so that the counts prove the kills fell amid the load.
 */
final class SoakLedger {

    private final Map<String, List<String>> answersById = new ConcurrentHashMap<>();
    private final Map<String, String> coNumberById = new ConcurrentHashMap<>();
    private final List<AtomicLong> answersPerLife = new CopyOnWriteArrayList<>(List.of(new AtomicLong()));
    private final AtomicLong transportFailures = new AtomicLong();
    private final Map<String, String> lastFailureById = new ConcurrentHashMap<>();

    /** Records an acknowledgement status for a message carrying this CO. */
    void answered(String messageId, String coNumber, String status) {
        coNumberById.putIfAbsent(messageId, coNumber);
        answersById.computeIfAbsent(messageId, id -> new CopyOnWriteArrayList<>()).add(status);
        answersPerLife.get(answersPerLife.size() - 1).incrementAndGet();
    }

    /** A send that got no answer (connection refused or cut by a kill, or an error); the sender tries again. */
    void transportFailed(String messageId, String failure) {
        transportFailures.incrementAndGet();
        lastFailureById.put(messageId, failure);
    }

    /** Up to {@code limit} messages never answered, each with the last failure its sender saw. */
    List<String> unansweredExamples(Set<String> sent, int limit) {
        return sent.stream().filter(id -> !answersById.containsKey(id)).sorted().limit(limit)
                .map(id -> id + ": " + lastFailureById.getOrDefault(id, "no failed send recorded")).toList();
    }

    /** The gateway was killed and started again: answers from now on belong to its next life. */
    void newLife() {
        answersPerLife.add(new AtomicLong());
    }

    long answersInThisLife() {
        return answersPerLife.get(answersPerLife.size() - 1).get();
    }

    List<Long> answersPerLife() {
        return answersPerLife.stream().map(AtomicLong::get).toList();
    }

    /**
     * Message ID to CO number of every message acknowledged: answered ACCEPTED, or DUPLICATE (the original
     * receipt of one stored earlier, whose own answer a kill may have cut off). Each must be in the database.
     */
    Map<String, String> acknowledgedCoNumbers() {
        return answersById.entrySet().stream()
                .filter(e -> e.getValue().contains("ACCEPTED") || e.getValue().contains("DUPLICATE"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> coNumberById.get(e.getKey())));
    }

    /**
     * Messages answered DUPLICATE but never ACCEPTED: stored, but the ACCEPTED answer never reached the
     * sender (a kill cut it off); the repeat got the original receipt.
     */
    long acceptedAnswerLost() {
        return answersById.values().stream().filter(a -> !a.contains("ACCEPTED") && a.contains("DUPLICATE")).count();
    }

    /** Message IDs answered ACCEPTED more than once: a repeat must get the original receipt (DUPLICATE). */
    Set<String> acceptedTwice() {
        return answersById.entrySet().stream()
                .filter(e -> e.getValue().stream().filter("ACCEPTED"::equals).count() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** How many answers of each status. */
    Map<String, Long> statuses() {
        var all = new ArrayList<String>();
        answersById.values().forEach(all::addAll);
        return all.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    int messagesAnswered() {
        return answersById.size();
    }

    long transportFailures() {
        return transportFailures.get();
    }
}
