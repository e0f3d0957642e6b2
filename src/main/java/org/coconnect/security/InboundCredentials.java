package org.coconnect.security;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the HTTP Basic logins partners use with us. Argon2id makes each full check deliberately
 * slow; a login already verified is remembered as a SHA-256 so normal traffic pays that cost once.
 * Repeated failures from one address lock it out for a growing time.
 */
public final class InboundCredentials {

    /** The outcome of a check. */
    public enum Result { OK, BAD_CREDENTIALS, LOCKED_OUT }

    private static final int FREE_FAILURES = 5;
    private static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);

    private final Map<String, String> hashes;
    private final Clock clock;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    public InboundCredentials(Map<String, String> hashes, Clock clock) {
        this.hashes = Map.copyOf(hashes);
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    public Result check(String user, String password, InetAddress source) {
        Instant now = clock.instant();
        Failures f = failures.get(source);
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            return Result.LOCKED_OUT;
        }
        if (user != null && password != null && matches(user, password)) {
            failures.remove(source);
            return Result.OK;
        }
        failures.merge(source, new Failures(1, null), (old, one) -> {
            int count = old.count() + 1;
            Instant until = count > FREE_FAILURES ? now.plus(lockout(count - FREE_FAILURES)) : null;
            return new Failures(count, until);
        });
        return Result.BAD_CREDENTIALS;
    }

    private static Duration lockout(int excess) {
        Duration d = Duration.ofSeconds(1L << Math.min(excess, 20));
        return d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d;
    }

    private boolean matches(String user, String password) {
        String hash = hashes.get(user);
        byte[] fingerprint = fingerprint(user, password);
        byte[] known = verified.get(user);
        if (known != null && MessageDigest.isEqual(known, fingerprint)) {
            return true;
        }
        // Unknown users still pay for a hash, so timing does not tell which logins exist.
        boolean ok = PasswordHash.verify(password.toCharArray(), Optional.ofNullable(hash).orElse(DUMMY_HASH)) && hash != null;
        if (ok) {
            verified.put(user, fingerprint);
        }
        return ok;
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
