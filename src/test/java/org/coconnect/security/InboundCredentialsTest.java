package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.coconnect.security.InboundCredentials.Result;
import org.coconnect.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What wrong passwords may cost: real Argon2id (19 MiB each), observed through the credentials' own counters (how many
 * hashes ran, the most at once), never through timing. The clock stands still, so a lockout lasts the whole test.
 */
class InboundCredentialsTest {

    private static final int PARALLEL = 200;
    private static final int BOUND = 2;
    private static String rightHash;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);

    @BeforeAll
    static void hash() {
        rightHash = PasswordHash.hash("right-password".toCharArray());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private InboundCredentials credentials() {
        return new InboundCredentials(Map.of("KR-KCS", rightHash), clock, BOUND);
    }

    /** Starts every attempt at once, each with a password of its own, and collects the results. */
    private List<Result> inParallel(InboundCredentials credentials, List<InetAddress> sources) throws Exception {
        var passwords = new ArrayList<String>();
        for (int i = 0; i < sources.size(); i++) {
            passwords.add("guess-" + i);
        }
        return inParallel(credentials, sources, passwords);
    }

    private List<Result> inParallel(InboundCredentials credentials, List<InetAddress> sources, List<String> passwords)
            throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Result>>();
        for (int i = 0; i < sources.size(); i++) {
            InetAddress source = sources.get(i);
            String password = passwords.get(i);
            futures.add(pool.submit(() -> {
                start.await();
                return credentials.check("KR-KCS", password, source);
            }));
        }
        start.countDown();
        var results = new ArrayList<Result>();
        for (Future<Result> f : futures) {
            results.add(f.get(5, TimeUnit.MINUTES));
        }
        return results;
    }

    @Test
    void twoHundredParallelPasswordGuessesFromOneAddressLockItOutAfterTheFreeFailuresAndHashAtMostThoseOnce()
            throws Exception {
        InboundCredentials credentials = credentials();
        InetAddress attacker = InetAddress.getByName("192.0.2.7");

        List<Result> results = inParallel(credentials, java.util.Collections.nCopies(PARALLEL, attacker));

        long lockedOut = results.stream().filter(r -> r == Result.LOCKED_OUT).count();
        assertEquals(PARALLEL - InboundCredentials.FREE_FAILURES - 1, lockedOut,
                "only the free failures and the one that sets the lock get past the count: " + results);
        assertTrue(credentials.hashesComputed() <= InboundCredentials.FREE_FAILURES + 1,
                "hashes computed: " + credentials.hashesComputed());
        assertTrue(credentials.mostHashesAtOnce() <= BOUND, "hashes at once: " + credentials.mostHashesAtOnce());
        assertEquals(Result.LOCKED_OUT, credentials.check("KR-KCS", "right-password", attacker),
                "locked out even for the right password");
    }

    @Test
    void twoHundredParallelPasswordGuessesFromManyAddressesNeverRunMoreHashesAtOnceThanTheBound() throws Exception {
        InboundCredentials credentials = credentials();
        var sources = new ArrayList<InetAddress>();
        for (int i = 0; i < PARALLEL; i++) {
            sources.add(InetAddress.getByAddress(new byte[] {10, 9, (byte) (i / 250), (byte) (i % 250 + 1)}));
        }

        List<Result> results = inParallel(credentials, sources);

        assertTrue(credentials.mostHashesAtOnce() <= BOUND, "hashes at once: " + credentials.mostHashesAtOnce());
        long checked = results.stream().filter(r -> r == Result.BAD_CREDENTIALS).count();
        long refusedUnchecked = results.stream().filter(r -> r == Result.BUSY).count();
        assertEquals(PARALLEL, checked + refusedUnchecked, "each attempt is either hashed or refused unchecked: " + results);
        assertEquals(checked, credentials.hashesComputed(), "a refused attempt costs no hash");
    }

    /** Not an attack: a partner's first burst after a restart, all with the right password, costs one hash. */
    @Test
    void parallelFirstLoginsWithTheRightPasswordShareOneHashAndAreAllAccepted() throws Exception {
        InboundCredentials credentials = credentials();
        InetAddress partner = InetAddress.getByName("192.0.2.10");

        List<Result> results = inParallel(credentials, java.util.Collections.nCopies(PARALLEL, partner),
                java.util.Collections.nCopies(PARALLEL, "right-password"));

        assertEquals(java.util.Collections.nCopies(PARALLEL, Result.OK), results);
        assertEquals(1, credentials.hashesComputed());
    }

    @Test
    void unknownClientCertificatesCountTowardTheLockout() throws Exception {
        InboundCredentials credentials = credentials();
        InetAddress source = InetAddress.getByName("192.0.2.8");
        for (int i = 0; i <= InboundCredentials.FREE_FAILURES; i++) {
            credentials.recordFailure(source);
        }
        assertEquals(Result.LOCKED_OUT, credentials.check("KR-KCS", "right-password", source));
        assertEquals(0, credentials.hashesComputed(), "a locked-out address costs no hash");
    }

    @Test
    void theRightPasswordIsAcceptedAndThenCheckedWithoutAnotherHash() throws Exception {
        InboundCredentials credentials = credentials();
        InetAddress source = InetAddress.getByName("192.0.2.9");
        assertEquals(Result.OK, credentials.check("KR-KCS", "right-password", source));
        assertEquals(Result.OK, credentials.check("KR-KCS", "right-password", source));
        assertEquals(1, credentials.hashesComputed());
    }
}
