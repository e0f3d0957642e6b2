package org.coconnect.audit;

import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit chain's upkeep while the gateway runs: linking new events, signing the head into the checkpoint
 * file outside the database when due, and verifying the chain against those checkpoints.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog log;
    private final AuditCheckpointer checkpointer;
    private final X509Certificate signingCertificate;
    private final Duration tolerance;
    private final Consumer<String> onCheckpointFailure;

    /** {@code onCheckpointFailure} hears why a checkpoint could not be written (the gateway raises an alert). */
    public AuditTrail(AuditLog log, AuditCheckpointer checkpointer, X509Certificate signingCertificate, Duration tolerance,
                      Consumer<String> onCheckpointFailure) {
        this.log = log;
        this.checkpointer = checkpointer;
        this.signingCertificate = signingCertificate;
        this.tolerance = tolerance;
        this.onCheckpointFailure = onCheckpointFailure;
    }

    /** The periodic pass: link new events, then sign the head when the checkpoint interval has passed. */
    public void chainAndCheckpointIfDue() {
        log.chain();
        try {
            checkpointer.checkpointIfDue();
        } catch (UncheckedIOException e) {
            // Unsigned, the newest records are open to a database writer: the operator must hear of it.
            onCheckpointFailure.accept(e.getMessage());
        }
    }

    /** Links what is unchained and signs the chain's head now (at a clean stop, and on demand). */
    public void checkpointNow() {
        log.chain();
        checkpointer.checkpoint();
    }

    /**
     * At a clean stop, once nothing can arrive any more: the whole chain is signed, so no unsigned tail is left.
     * A failure is logged, not thrown, so that the rest of the stop still runs.
     */
    public void signFinalCheckpoint() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            LOG.error("The final audit checkpoint could not be signed", e);
        }
    }

    /** Verifies the chain against this gateway's checkpoint file and signing certificate; writes nothing. */
    public AuditLog.Verification verify() {
        return log.verify(checkpointer.checkpoints(), List.of(signingCertificate), tolerance);
    }
}
