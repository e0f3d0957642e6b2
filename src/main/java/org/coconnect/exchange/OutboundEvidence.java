package org.coconnect.exchange;

import java.time.Clock;
import java.util.HexFormat;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.OutboundEvidenceEntity;
import org.coconnect.persistence.OutboundEvidenceEntity.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-repudiation of what we sent: every outbound attempt leaves a row; an answered one keeps our envelope
 * as sent and the partner's signed answer as received. Recorded before the outcome, in its own transaction.
 */
public final class OutboundEvidence {

    /** What one answered attempt sent and got back; digests are raw SHA-256 values. */
    public record Attempt(byte[] sentEnvelope, byte[] answerEnvelope, byte[] answerSignerDer, byte[] payloadDigest,
                          byte[] answerDigest) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboundEvidence.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Database database;
    private final Alerts alerts;
    private final Clock clock;

    OutboundEvidence(Database database, Alerts alerts, Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The partner acknowledged the payload we sent (whatever the status). */
    public void answered(Outbox.Delivery delivery, Attempt attempt) {
        store(delivery, Outcome.ACKNOWLEDGED, attempt, attempt.payloadDigest(), null);
    }

    /** The partner's answer states another payload's digest: kept, alerted, and not a delivery. */
    public void digestMismatch(Outbox.Delivery delivery, Attempt attempt, String detail) {
        store(delivery, Outcome.DIGEST_MISMATCH, attempt, attempt.payloadDigest(), detail);
        alerts.raise(ErrorCode.ACK_DIGEST_MISMATCH, delivery.partnerId(), delivery.messageId(), detail);
    }

    /** No trustworthy answer: the attempt's time, error and payload digest. */
    public void failed(Outbox.Delivery delivery, byte[] payloadDigest, String error) {
        store(delivery, Outcome.FAILED, null, payloadDigest, error);
    }

    private void store(Outbox.Delivery delivery, Outcome outcome, Attempt attempt, byte[] payloadDigest, String detail) {
        try {
            database.inTransaction(em -> {
                var row = new OutboundEvidenceEntity(delivery.partnerId(), delivery.operation().pathName(),
                        delivery.messageId(), clock.instant(), outcome, hex(payloadDigest), detail);
                if (attempt != null) {
                    row.withEnvelopes(attempt.sentEnvelope(), sha256Hex(attempt.sentEnvelope()), attempt.answerEnvelope(),
                            hex(attempt.answerDigest()), attempt.answerSignerDer());
                }
                em.persist(row);
                return null;
            });
        } catch (RuntimeException e) {
            // Evidence must not turn a delivered message into a failed one: the outcome is still recorded.
            LOG.error("Evidence of {} {} to {} could not be stored", delivery.operation().pathName(),
                    delivery.messageId(), delivery.partnerId(), e);
        }
    }

    private static String hex(byte[] digest) {
        return digest == null ? null : HEX.formatHex(digest);
    }

    private static String sha256Hex(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return HEX.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
