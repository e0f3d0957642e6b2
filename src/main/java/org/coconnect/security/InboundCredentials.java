package org.coconnect.security;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the HTTP Basic logins partners use with us. Argon2id makes each full check deliberately
 * slow (19 MiB, two passes); a login already verified is remembered as a SHA-256 so normal traffic pays
 * that cost once. Repeated failures from one address lock it out for a growing time.
 *
 * <p>Wrong passwords must not cost us more than a bounded amount: an attempt is counted as a failure
 * before it is hashed (in one atomic step, so parallel attempts cannot all pass a check that each sees
 * as clean), and no more than {@code maxConcurrentHashes} hashes run at once; an attempt over that bound
 * is refused at once ({@link Result#BUSY}, still counted) instead of waiting in a queue. Requests with the same
 * login arriving while it is being checked wait for that one check instead of starting their own (a partner's
 * first burst after a restart costs one hash, and is neither refused as busy nor counted toward a lockout).
 */
public final class InboundCredentials {

    /** The outcome of a check. */
    public enum Result { OK, BAD_CREDENTIALS, LOCKED_OUT, BUSY }

    /** Failed attempts from one address before it is locked out. */
    public static final int FREE_FAILURES = 5;
    /** Argon2id hashes run at once unless told otherwise: two at 19 MiB each. */
    public static final int DEFAULT_CONCURRENT_HASHES = 2;
    private static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);

    private volatile Map<String, String> hashes;
    private final Clock clock;
    private final Semaphore hashing;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger hashesRunning = new AtomicInteger();
    private final AtomicInteger mostHashesAtOnce = new AtomicInteger();
    private final AtomicLong hashesComputed = new AtomicLong();

    public InboundCredentials(Map<String, String> hashes, Clock clock) {
        this(hashes, clock, DEFAULT_CONCURRENT_HASHES);
    }

    public InboundCredentials(Map<String, String> hashes, Clock clock, int maxConcurrentHashes) {
        this.hashes = Map.copyOf(hashes);
        this.clock = clock;
        this.hashing = new Semaphore(maxConcurrentHashes);
    }

    /** New logins from a reload: checks from now on use them; lockouts already counted stay. */
    public void adopt(Map<String, String> newHashes) {
        this.hashes = Map.copyOf(newHashes);
        verified.clear();
    }

    private record Failures(int count, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** Whether this address is locked out now; checked before anything else of a request is looked at. */
    public boolean lockedOut(InetAddress source) {
        Failures f = failures.get(source);
        return f != null && f.lockedAt(clock.instant());
    }

    /**
     * Counts a failed authentication that never reached the password (e.g. a client certificate from our CA that is
     * no partner's): it counts toward the same lockout as a wrong password.
     */
    public void recordFailure(InetAddress source) {
        failures.compute(source, (s, old) -> counted(old, clock.instant()));
    }

    public Result check(String user, String password, InetAddress source) {
        if (lockedOut(source)) {
            return Result.LOCKED_OUT;
        }
        if (user == null || password == null) {
            recordFailure(source);
            return Result.BAD_CREDENTIALS;
        }
        byte[] fingerprint = fingerprint(user, password);
        if (isVerified(user, fingerprint)) {
            failures.remove(source);
            return Result.OK;
        }
        // One hash per login at a time: a partner's burst of first requests (same login) shares one check.
        var mine = new CompletableFuture<Result>();
        String key = HexFormat.of().formatHex(fingerprint);
        CompletableFuture<Result> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            Result shared = running.join();
            if (shared == Result.BAD_CREDENTIALS) {
                recordFailure(source);
            } else if (shared == Result.OK) {
                failures.remove(source);
            }
            return shared;
        }
        try {
            Result result = firstCheck(user, password, fingerprint, source);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // An Error too: requests sharing this check wait on it without a timeout.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private boolean isVerified(String user, byte[] fingerprint) {
        byte[] known = verified.get(user);
        return known != null && MessageDigest.isEqual(known, fingerprint);
    }

    /** The full check of a login no other request is checking right now. */
    private Result firstCheck(String user, String password, byte[] fingerprint, InetAddress source) {
        if (isVerified(user, fingerprint)) {
            // Verified by a check that finished just before this one started.
            failures.remove(source);
            return Result.OK;
        }
        if (!countAttempt(source)) {
            return Result.LOCKED_OUT;
        }
        if (!hashing.tryAcquire()) {
            return Result.BUSY;
        }
        try {
            if (matches(user, password)) {
                verified.put(user, fingerprint);
                failures.remove(source);
                return Result.OK;
            }
            return Result.BAD_CREDENTIALS;
        } finally {
            hashing.release();
        }
    }

    /**
     * The attempt is a failure until the hash proves otherwise: counted before hashing, in one atomic step, so that
     * of many parallel attempts only the free ones (and one more, which sets the lock) get as far as a hash.
     * False when the address is locked.
     */
    private boolean countAttempt(InetAddress source) {
        Instant now = clock.instant();
        boolean[] admitted = {false};
        failures.compute(source, (s, old) -> {
            if (old != null && old.lockedAt(now)) {
                return old;
            }
            admitted[0] = true;
            return counted(old, now);
        });
        return admitted[0];
    }

    /** One more failure; past the free ones the address is locked, for longer with each further failure. */
    private static Failures counted(Failures old, Instant now) {
        int count = old == null ? 1 : old.count() + 1;
        Instant until = count > FREE_FAILURES ? now.plus(lockout(count - FREE_FAILURES)) : null;
        return new Failures(count, until);
    }

    private static Duration lockout(int excess) {
        Duration d = Duration.ofSeconds(1L << Math.min(excess, 20));
        return d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d;
    }

    private boolean matches(String user, String password) {
        String hash = hashes.get(user);
        int running = hashesRunning.incrementAndGet();
        mostHashesAtOnce.accumulateAndGet(running, Math::max);
        hashesComputed.incrementAndGet();
        try {
            // Unknown users still pay for a hash, so timing does not tell which logins exist.
            return PasswordHash.verify(password.toCharArray(), Optional.ofNullable(hash).orElse(DUMMY_HASH)) && hash != null;
        } finally {
            hashesRunning.decrementAndGet();
        }
    }

    /** How many Argon2id hashes have been computed so far (a metric, and what the tests observe). */
    public long hashesComputed() {
        return hashesComputed.get();
    }

    /** The most Argon2id hashes that ever ran at the same time. */
    public int mostHashesAtOnce() {
        return mostHashesAtOnce.get();
    }

    private static final String DUMMY_HASH = PasswordHash.hash("not-a-real-password".toCharArray());

    private static byte[] fingerprint(String user, String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
