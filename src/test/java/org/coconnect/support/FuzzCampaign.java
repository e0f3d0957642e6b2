package org.coconnect.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a fuzz test's hostile requests: builds them in order on the calling thread (the mutators are
 * seeded, so a seed always sends the same requests), sends them four at a time, has each answer judged,
 * and tallies the outcomes. Every answer the judge finds against the contract fails the campaign, with
 * the seed and what was sent.
 *
 * @param <E> one request as sent, with its answer
 */
public final class FuzzCampaign<E> {

    /** The i-th request, built now, sent later on a sender thread. */
    public interface Request<E> {
        Callable<E> build(int i) throws Exception;
    }

    /** The outcome of one exchange for the tally (e.g. "ACCEPTED[]" or "CC-2002"); a broken rule goes to {@code wrong}. */
    public interface Judge<E> {
        String outcome(E exchange, List<String> wrong);
    }

    private final String name;
    private final long seed;
    private final boolean verbose;

    public FuzzCampaign(String name, long seed, boolean verbose) {
        this.name = name;
        this.seed = seed;
        this.verbose = verbose;
    }

    /** Sends {@code count} requests and returns how many got each outcome; fails on any answer the judge refused. */
    public Map<String, Integer> run(int count, Request<E> request, Judge<E> judge) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        var answers = new TreeMap<String, Integer>();
        var wrong = new ArrayList<String>();
        try {
            var inFlight = new ArrayList<Future<E>>();
            for (int i = 0; i < count; i++) {
                inFlight.add(senders.submit(request.build(i)));
            }
            for (Future<E> f : inFlight) {
                E exchange = f.get();
                String outcome = judge.outcome(exchange, wrong);
                if (verbose) {
                    System.out.println("fuzz " + outcome + " <- " + exchange);
                }
                answers.merge(outcome, 1, Integer::sum);
            }
        } finally {
            senders.shutdownNow();
        }
        System.out.println(name + " seed " + seed + ", " + count + " requests answered: " + answers);
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " answers break the contract (seed " + seed + "):\n"
                + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
        return answers;
    }

    /** How many outcomes in the tally contain this text, e.g. " ACCEPTED" or "send-co ACCEPTED". */
    public static int count(Map<String, Integer> answers, String text) {
        return answers.entrySet().stream().filter(e -> e.getKey().contains(text)).mapToInt(Map.Entry::getValue).sum();
    }
}
