package org.coconnect.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how often the gateway signs the head of its audit chain. The checkpoint file lies outside the
 * database on purpose: someone who can write the database cannot rewrite it, and the operator ships it elsewhere.
 *
 * @param checkpointFile     append-only file of signed checkpoints
 * @param checkpointInterval how often a checkpoint is signed while the chain grows (and once more at shutdown)
 */
public record AuditConfig(Path checkpointFile, Duration checkpointInterval) {

    /** The defaults: {@code audit-checkpoints} in the data directory, every five minutes. */
    public static AuditConfig defaults(Path dataDirectory) {
        return new AuditConfig(dataDirectory.resolve("audit-checkpoints"), Duration.ofMinutes(5));
    }
}
