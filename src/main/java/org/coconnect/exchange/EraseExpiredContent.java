package org.coconnect.exchange;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.RetentionConfig;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.OutboxEntity;

/**
 * Retention (SP2): erases decrypted payloads and, later, raw envelopes once their period is over,
 * keeping metadata and digests. Content still needed is kept whatever its age: an outbound message not
 * delivered yet (waiting, failed or rejected: each may be resent), and what was exchanged about a CO
 * that is still open (see {@link CertificateState#isOpen()}) or has an open verification inquiry.
 */
public final class EraseExpiredContent {

    /** What one pass erased. */
    public record Erased(int payloads, int outboxPayloads, int envelopes) {
    }

    /** Messages about a CO still open, or with an inquiry still open, keep their content. */
    private static final String NOT_STILL_NEEDED = """
             and (m.certificateId is null or (
                  m.certificateId not in (select c.id from CertificateEntity c where c.state in :openStates)
              and m.certificateId not in (select i.certificateId from InquiryEntity i where i.status = :openInquiry)))""";

    private static final List<String> OPEN_STATES = Arrays.stream(CertificateState.values())
            .filter(CertificateState::isOpen).map(CertificateState::name).toList();

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
            int payloads = eraseMessages(em, "payload", payloadCutoff);
            // Only a delivered message's content is done with: a waiting or failed one is still to be sent,
            // and a rejected one may be resent once the cause is fixed.
            int outbox = em.createNativeQuery("""
                            update outbox set payload = '' where payload <> '' and status = ? and delivered_at < ?""")
                    .setParameter(1, OutboxEntity.Status.DELIVERED.name())
                    .setParameter(2, payloadCutoff).executeUpdate();
            int envelopes = eraseMessages(em, "rawEnvelope", envelopeCutoff);
            if (payloads + outbox + envelopes > 0) {
                audit.record(em, AuditLog.Kind.ADMIN, null, null, "retention erased " + payloads + " payloads, "
                        + outbox + " outbox payloads and " + envelopes + " raw envelopes");
            }
            return new Erased(payloads, outbox, envelopes);
        });
    }

    /** Erases one content column of the messages received before the cutoff and no longer needed. */
    private static int eraseMessages(EntityManager em, String column, Instant cutoff) {
        return em.createQuery("update MessageEntity m set m." + column + " = null where m." + column
                        + " is not null and m.receivedAt < :cutoff " + NOT_STILL_NEEDED)
                .setParameter("cutoff", cutoff)
                .setParameter("openStates", OPEN_STATES)
                .setParameter("openInquiry", InquiryStatus.OPEN.name())
                .executeUpdate();
    }
}
