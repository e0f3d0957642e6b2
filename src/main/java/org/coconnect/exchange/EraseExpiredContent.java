package org.coconnect.exchange;

import java.time.Clock;
import java.time.Instant;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.RetentionConfig;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.OutboxEntity;

/**
 * Retention (SP2): erases decrypted payloads and, later, raw envelopes once their period is over,
 * keeping metadata and digests. A message still due for delivery keeps its payload whatever its age.
 */
public final class EraseExpiredContent {

    /** What one pass erased. */
    public record Erased(int payloads, int outboxPayloads, int envelopes) {
    }

    private final Database database;
    private final RetentionConfig retention;
    private final AuditLog audit;
    private final Clock clock;

    public EraseExpiredContent(Database database, RetentionConfig retention, AuditLog audit, Clock clock) {
        this.database = database;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
    }

    public Erased run() {
        Instant now = clock.instant();
        Instant payloadCutoff = now.minus(retention.payloadsFor());
        Instant envelopeCutoff = now.minus(retention.envelopesFor());
        return database.inTransaction(em -> {
            int payloads = em.createQuery("""
                            update MessageEntity m set m.payload = null
                            where m.payload is not null and m.receivedAt < :cutoff""")
                    .setParameter("cutoff", payloadCutoff).executeUpdate();
            // The outbox keeps the payload until it is delivered or refused for good: a pending or failed
            // message may still be resent, so its content is never erased.
            int outbox = em.createNativeQuery("""
                            update outbox set payload = '' where payload <> '' and status in (?, ?)
                              and coalesce(delivered_at, last_attempt_at, created_at) < ?""")
                    .setParameter(1, OutboxEntity.Status.DELIVERED.name())
                    .setParameter(2, OutboxEntity.Status.REJECTED.name())
                    .setParameter(3, payloadCutoff).executeUpdate();
            int envelopes = em.createQuery("""
                            update MessageEntity m set m.rawEnvelope = null
                            where m.rawEnvelope is not null and m.receivedAt < :cutoff""")
                    .setParameter("cutoff", envelopeCutoff).executeUpdate();
            if (payloads + outbox + envelopes > 0) {
                audit.record(em, AuditLog.Kind.ADMIN, null, null, "retention erased " + payloads + " payloads, "
                        + outbox + " outbox payloads and " + envelopes + " raw envelopes");
            }
            return new Erased(payloads, outbox, envelopes);
        });
    }
}
