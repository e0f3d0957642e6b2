package org.coconnect.exchange;

import java.time.Instant;
import java.util.List;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.EvidenceStore;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.persistence.OutboundEvidenceEntity;
import org.coconnect.persistence.RejectionEntity;

/** Everything kept as evidence about one message ID, in both directions, read-only for the evidence export. */
public record MessageEvidence(String messageId, List<Exchanged> exchanged, List<Rejected> rejected,
                              List<Attempt> attempts) {

    /** A journal entry: an inbound message with its envelope as received, or an outbound one with its payload. */
    public record Exchanged(String direction, String partnerId, String operation, Instant at, String payloadDigest,
                            String ackStatus, byte[] rawEnvelope, String payload) {
    }

    /** An inbound message we refused, with its problems and its envelope as received. */
    public record Rejected(String partnerId, String operation, Instant at, String payloadDigest, String codes,
                           String detail, byte[] rawEnvelope) {
    }

    /** One outbound attempt; the envelopes are there for an answered attempt until retention erases them. */
    public record Attempt(String partnerId, String operation, Instant at, String outcome, String payloadDigest,
                          String answerDigest, String sentEnvelopeDigest, byte[] sentEnvelope, byte[] answerEnvelope,
                          byte[] answerSignerDer, String detail) {
    }

    public boolean isEmpty() {
        return exchanged.isEmpty() && rejected.isEmpty() && attempts.isEmpty();
    }

    /** Reads what is kept about {@code messageId}. */
    public static MessageEvidence read(Database database, String messageId) {
        return database.inTransaction(em -> new MessageEvidence(messageId,
                EvidenceStore.messages(em, messageId).stream().map(MessageEvidence::exchanged).toList(),
                EvidenceStore.rejections(em, messageId).stream().map(MessageEvidence::rejected).toList(),
                EvidenceStore.outbound(em, messageId).stream().map(MessageEvidence::attempt).toList()));
    }

    private static Exchanged exchanged(MessageEntity m) {
        return new Exchanged(m.direction().name(), m.partnerId(), m.operation(), m.receivedAt(), m.payloadDigest(),
                m.ackStatus() == null ? null : m.ackStatus().name(), m.rawEnvelope(), m.payload());
    }

    private static Rejected rejected(RejectionEntity r) {
        return new Rejected(r.partnerId(), r.operation(), r.receivedAt(), r.payloadDigest(), r.codes(), r.detail(),
                r.rawEnvelope());
    }

    private static Attempt attempt(OutboundEvidenceEntity e) {
        return new Attempt(e.partnerId(), e.operation(), e.attemptAt(), e.outcome().name(), e.payloadDigest(),
                e.answerDigest(), e.sentEnvelopeDigest(), e.sentEnvelope(), e.answerEnvelope(), e.answerSigner(),
                e.detail());
    }
}
