package org.coconnect.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.RetentionConfig;
import org.coconnect.domain.CertificateState;
import org.coconnect.domain.InquiryStatus;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.EvidenceStore;
import org.coconnect.persistence.MessageStore;
import org.coconnect.persistence.OutboxStore;

/**
 * Retention (SP2): erases decrypted payloads and, later, raw envelopes once their period is over,
 * keeping metadata and digests. Content still needed is kept whatever its age: an outbound message not
 * delivered yet (waiting, failed or rejected: each may be resent), and what was exchanged about a CO
 * that is still open (see {@link CertificateState#isOpen()}) or has an open verification inquiry.
 */
public final class EraseExpiredContent {

    /** What one pass erased. */
    public record Erased(int payloads, int outboxPayloads, int envelopes, int evidenceEnvelopes) {
    }

    private static final List<CertificateState> OPEN_STATES = Arrays.stream(CertificateState.values())
            .filter(CertificateState::isOpen).toList();

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
            int payloads = MessageStore.erasePayloadsBefore(em, payloadCutoff, OPEN_STATES, InquiryStatus.OPEN);
            // Only a delivered message's content is done with: a waiting or failed one is still to be sent,
            // and a rejected one may be resent once the cause is fixed.
            int outbox = OutboxStore.erasePayloadsDeliveredBefore(em, payloadCutoff);
            int envelopes = MessageStore.eraseEnvelopesBefore(em, envelopeCutoff, OPEN_STATES, InquiryStatus.OPEN);
            // Evidence of attempts and of rejections follows the envelope period and the same safety rules.
            int evidence = EvidenceStore.eraseOutboundEnvelopesBefore(em, envelopeCutoff, OPEN_STATES, InquiryStatus.OPEN)
                    + EvidenceStore.eraseRejectionEnvelopesBefore(em, envelopeCutoff);
            if (payloads + outbox + envelopes + evidence > 0) {
                audit.record(em, AuditLog.Kind.ADMIN, null, null, "retention erased " + payloads + " payloads, "
                        + outbox + " outbox payloads, " + envelopes + " raw envelopes and " + evidence
                        + " attempt or rejection envelopes");
            }
            return new Erased(payloads, outbox, envelopes, evidence);
        });
    }
}
