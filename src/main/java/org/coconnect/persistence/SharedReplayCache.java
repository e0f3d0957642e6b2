package org.coconnect.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.apache.wss4j.common.cache.ReplayCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WSS4J's replay cache kept in the database, so that every node of a gateway sees what the others accepted. WSS4J asks
 * {@link #contains} and then {@link #add}s; here {@code contains} already claims the identifier with one insert into a
 * table with a unique key (insert-or-fail), so two nodes receiving the same message at the same moment cannot both
 * pass. Identifiers are kept as SHA-256 (WSS4J's are the Timestamp and the signature value), expired rows are purged.
 */
public final class SharedReplayCache implements ReplayCache {

    private static final Logger LOG = LoggerFactory.getLogger(SharedReplayCache.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration defaultLifetime;
    private volatile Instant nextPurge = Instant.MIN;

    /** @param defaultLifetime how long an identifier is kept before WSS4J names its expiry (Timestamp TTL plus skew) */
    public SharedReplayCache(DataSource dataSource, Clock clock, Duration defaultLifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.defaultLifetime = defaultLifetime;
    }

    /** Claims the identifier; true when another request (on any node) claimed it before and it has not expired. */
    @Override
    public boolean contains(String identifier) {
        Instant now = clock.instant();
        purgeIfDue(now);
        String key = sha256(identifier);
        try (Connection c = dataSource.getConnection()) {
            try {
                boolean claimed = insert(c, key, now.plus(defaultLifetime)) || reclaimExpired(c, key, now);
                c.commit();
                return !claimed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // Fail closed: without the guard a replay could pass, so the message is refused as one.
            LOG.error("Replay guard unavailable; the message is refused as a possible replay", e);
            return true;
        }
    }

    /** WSS4J names the expiry after the claim: keep the identifier until then (never shorter than claimed). */
    @Override
    public void add(String identifier, Instant expiry) {
        update("update replay_guard set expires_at = ? where identifier_sha256 = ? and expires_at < ?", sha256(identifier),
                expiry);
    }

    @Override
    public void add(String identifier) {
        // Already claimed by contains(), with the default lifetime.
    }

    @Override
    public void close() {
        // The data source belongs to the gateway's database.
    }

    private boolean insert(Connection c, String key, Instant expires) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into replay_guard (identifier_sha256, expires_at) values (?, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                c.rollback();
                return false;
            }
            throw e;
        }
    }

    /** A row left from an identifier that has expired (and not yet purged) no longer counts: take it over. */
    private boolean reclaimExpired(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update replay_guard set expires_at = ? where identifier_sha256 = ? and expires_at < ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(now.plus(defaultLifetime), ZoneOffset.UTC));
            update.setString(2, key);
            update.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            return update.executeUpdate() == 1;
        }
    }

    private void purgeIfDue(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from replay_guard where expires_at < ?")) {
            delete.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            delete.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            LOG.warn("Expired replay guard rows not purged; the next pass retries: {}", e.getMessage());
        }
    }

    private void update(String sql, String key, Instant expiry) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC));
            update.setString(2, key);
            update.setObject(3, OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC));
            update.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            LOG.warn("Replay guard expiry not extended (the claim's default lifetime stays): {}", e.getMessage());
        }
    }

    private static String sha256(String identifier) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
