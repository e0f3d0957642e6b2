package org.coconnect.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits, with a bound, for an observable condition that another thread (a mailbox reader, a scheduler) brings about. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Returns once the condition holds; fails naming what was awaited when it does not within 30 seconds. */
    public static void until(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
