package org.coconnect.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.coconnect.persistence.AuditChainHeadEntity;
import org.coconnect.persistence.Database;

/**
 * Signs the head of the audit chain with the gateway's signing key and appends it to the checkpoint file: every
 * interval while the chain grows, and on demand (at shutdown). Between two checkpoints the newest records are
 * protected by the chain alone; the interval bounds what a database writer can rewrite unnoticed.
 */
public final class AuditCheckpointer {

    private final Database database;
    private final AuditCheckpoints checkpoints;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;
    private final Duration interval;
    private long lastSeq = -1;
    private Instant lastAt;

    public AuditCheckpointer(Database database, AuditCheckpoints checkpoints, PrivateKey key, X509Certificate certificate,
                             Clock clock, Duration interval) {
        this.database = database;
        this.checkpoints = checkpoints;
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
        this.interval = interval;
        // Carry on from the file, so that a restart neither repeats the last checkpoint nor goes back in time.
        try {
            var written = checkpoints.read();
            if (!written.isEmpty()) {
                lastSeq = written.get(written.size() - 1).seq();
                lastAt = written.get(written.size() - 1).at();
            } else {
                lastAt = clock.instant();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + checkpoints.file(), e);
        }
    }

    public AuditCheckpoints checkpoints() {
        return checkpoints;
    }

    /** Signs the head when the interval has passed since the last checkpoint and the chain has grown since. */
    public synchronized void checkpointIfDue() {
        if (!clock.instant().isBefore(lastAt.plus(interval))) {
            checkpoint();
        }
    }

    /** Signs the head now, unless it has not moved since the last checkpoint this gateway wrote. */
    public synchronized void checkpoint() {
        long[] seq = new long[1];
        String hash = database.inTransaction(em -> {
            var head = em.find(AuditChainHeadEntity.class, 1);
            seq[0] = head.lastSeq();
            return head.lastHash();
        });
        if (seq[0] == lastSeq || seq[0] == 0) {
            return;
        }
        // Checkpoint times must increase even if the clock steps back or two are signed within its resolution.
        Instant now = clock.instant();
        Instant at = now.isAfter(lastAt) ? now : lastAt.plusNanos(1000);
        try {
            checkpoints.append(AuditCheckpoint.sign(seq[0], hash, at, key, certificate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + checkpoints.file(), e);
        }
        lastSeq = seq[0];
        lastAt = at;
    }
}
