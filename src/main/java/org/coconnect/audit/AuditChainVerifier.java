package org.coconnect.audit;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coconnect.audit.AuditLog.Verification;
import org.coconnect.error.ErrorCode;

/**
 * Checks the audit chain against the signed checkpoints kept outside the database. Read-only: it only runs
 * SELECTs, so it links nothing and may run against a copy or a read-only replica. A database writer can
 * recompute an unkeyed hash chain, but not a checkpoint signature: so the chain must reach the last checkpoint
 * with the same hash, and no record may be dated before one that precedes it (a back-dated insertion).
 */
public final class AuditChainVerifier {

    private static final String ROWS = "select chain_seq, prev_hash, hash, at, kind, partner_id, message_id, detail"
            + " from audit_event where chain_seq is not null order by chain_seq";

    private final List<AuditCheckpoint> checkpoints;
    private final List<X509Certificate> certificates;
    private final Duration tolerance;

    /**
     * @param tolerance how far a record's time may lie before an earlier record's: events are timed when their
     *                  transaction records them and chained after it commits, on nodes whose clocks differ
     */
    public AuditChainVerifier(List<AuditCheckpoint> checkpoints, List<X509Certificate> certificates, Duration tolerance) {
        this.checkpoints = List.copyOf(checkpoints);
        this.certificates = List.copyOf(certificates);
        this.tolerance = tolerance;
    }

    /** Verifies the chain in this database; the first thing that does not hold is named. */
    public Verification verify(Connection connection) throws SQLException {
        Optional<Verification> badCheckpoint = checkCheckpoints();
        if (badCheckpoint.isPresent()) {
            return badCheckpoint.get();
        }
        Map<Long, AuditCheckpoint> signed = new HashMap<>();
        checkpoints.forEach(c -> signed.put(c.seq(), c));
        var walk = new Walk(signed, checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1));
        try (PreparedStatement rows = connection.prepareStatement(ROWS)) {
            rows.setFetchSize(500);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    Optional<Verification> problem = walk.next(rs);
                    if (problem.isPresent()) {
                        return problem.get();
                    }
                }
            }
        }
        return walk.finish(connection);
    }

    /** Every checkpoint must be signed by a given certificate, and they must advance in sequence and time. */
    private Optional<Verification> checkCheckpoints() {
        AuditCheckpoint previous = null;
        for (AuditCheckpoint c : checkpoints) {
            if (certificates.stream().noneMatch(c::signedBy)) {
                return Optional.of(brokenAt(c.seq(), ErrorCode.AUDIT_CHECKPOINT_UNSIGNED, "the checkpoint of " + c.at() + " is not signed by the signing"
                        + " certificate (" + c.certificate() + ")"));
            }
            if (previous != null && (c.seq() < previous.seq() || !c.at().isAfter(previous.at())
                    || c.seq() == previous.seq() && !c.hash().equals(previous.hash()))) {
                return Optional.of(brokenAt(c.seq(), ErrorCode.AUDIT_CHECKPOINT_UNSIGNED, "the checkpoint of " + c.at() + " does not follow the one of "
                        + previous.at()));
            }
            previous = c;
        }
        return Optional.empty();
    }

    private static Verification brokenAt(long seq, ErrorCode code, String reason) {
        return new Verification(0, Optional.of(seq), reason, code);
    }

    /** The walk along the chain, one record at a time. */
    private final class Walk {
        private final Map<Long, AuditCheckpoint> signed;
        private final AuditCheckpoint last;
        private String previousHash = AuditLog.genesis();
        private Instant latest;
        private long checked;

        Walk(Map<Long, AuditCheckpoint> signed, AuditCheckpoint last) {
            this.signed = signed;
            this.last = last;
        }

        Optional<Verification> next(ResultSet rs) throws SQLException {
            long seq = rs.getLong("chain_seq");
            Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
            if (seq != checked + 1) {
                return Optional.of(broken(ErrorCode.AUDIT_CHAIN_BROKEN, "record " + (checked + 1) + " is missing"));
            }
            if (!previousHash.equals(rs.getString("prev_hash"))) {
                return Optional.of(broken(ErrorCode.AUDIT_CHAIN_BROKEN, "its link to the previous record is broken"));
            }
            String hash = AuditLog.hash(seq, previousHash, at, rs.getString("kind"), rs.getString("partner_id"),
                    rs.getString("message_id"), rs.getString("detail"));
            if (!hash.equals(rs.getString("hash"))) {
                return Optional.of(broken(ErrorCode.AUDIT_CHAIN_BROKEN, "its content does not match its hash"));
            }
            if (latest != null && at.isBefore(latest.minus(tolerance))) {
                return Optional.of(broken(ErrorCode.AUDIT_CHAIN_BROKEN, "it is dated " + at + ", before an earlier record's "
                        + latest + " (back-dated)"));
            }
            if (last != null && seq > last.seq() && at.isBefore(last.at().minus(tolerance))) {
                return Optional.of(broken(ErrorCode.AUDIT_CHAIN_BROKEN, "it is dated " + at + ", before the signed"
                        + " checkpoint of " + last.at() + " that it follows (back-dated)"));
            }
            AuditCheckpoint checkpoint = signed.get(seq);
            if (checkpoint != null && !checkpoint.hash().equals(hash)) {
                return Optional.of(broken(ErrorCode.AUDIT_CHECKPOINT_MISMATCH, "it differs from the signed checkpoint of "
                        + checkpoint.at() + " (rewritten)"));
            }
            previousHash = hash;
            latest = latest == null || at.isAfter(latest) ? at : latest;
            checked++;
            return Optional.empty();
        }

        Verification broken(ErrorCode code, String reason) {
            return new Verification(checked, Optional.of(checked + 1), reason, code);
        }

        Verification finish(Connection connection) throws SQLException {
            if (checked == 0 && last == null) {
                return new Verification(0, Optional.empty(), "intact (empty)", null);
            }
            if (last == null) {
                return brokenAt(1, ErrorCode.AUDIT_CHECKPOINT_UNSIGNED, "no signed checkpoint covers the chain: it can only be trusted against a database"
                        + " writer from its first checkpoint on");
            }
            if (checked < last.seq()) {
                return broken(ErrorCode.AUDIT_CHECKPOINT_MISMATCH, "the chain ends at record " + checked + ", before the signed checkpoint of " + last.at()
                        + " at record " + last.seq() + " (truncated)");
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_seq, last_hash from audit_chain_head where id = 1");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != checked || !previousHash.equals(rs.getString(2))) {
                    return broken(ErrorCode.AUDIT_CHAIN_BROKEN, "the chain does not end at its recorded head");
                }
            }
            return new Verification(checked, Optional.empty(), "intact; signed up to record " + last.seq()
                    + " by the checkpoint of " + last.at(), null);
        }
    }
}
