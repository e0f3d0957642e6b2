package org.coconnect.config;

import java.time.Duration;

/**
 * What the partner-facing HTTPS listener holds at most, whoever asks: the largest request body on the
 * push operations and on verify-co, the bytes of request bodies in flight from all partners together,
 * and how long a connection may stay silent (idle, or stalled in the middle of a request) before it is cut.
 *
 * @param maxBodyBytes       largest body on the push operations; a larger declared Content-Length is refused unread
 * @param maxLookupBodyBytes largest body on verify-co, which carries a few fields only
 * @param bytesInFlight      bodies of all partners together; beyond it a request is refused with 503 unread
 * @param idleTimeout        silence after which a connection is closed
 */
public record ListenerLimits(int maxBodyBytes, int maxLookupBodyBytes, long bytesInFlight, Duration idleTimeout) {

    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    public ListenerLimits {
        if (maxBodyBytes <= 0 || maxLookupBodyBytes <= 0 || bytesInFlight < maxBodyBytes) {
            throw new IllegalArgumentException("body limits must be positive and the total at least one largest body");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
    }

    /**
     * 16 MB bodies, 256 KB lookups, 64 MB in flight in total (a body is held several times over while it
     * is parsed, so this keeps a 512 MB heap clear), 30 seconds of silence.
     */
    public static ListenerLimits defaults() {
        return new ListenerLimits(DEFAULT_MAX_BODY_BYTES, 256 * 1024, 64L * 1024 * 1024, Duration.ofSeconds(30));
    }

    /** The server.* listener keys of gateway.properties, each checked, the total no smaller than one body. */
    static ListenerLimits read(PropertiesFile file) {
        var defaults = ListenerLimits.defaults();
        int maxBody = file.positiveInt("server.max-body-bytes", defaults.maxBodyBytes());
        long inFlight = file.positiveInt("server.max-bytes-in-flight", (int) defaults.bytesInFlight());
        if (inFlight < maxBody) {
            throw new ConfigException(file.name(), "server.max-bytes-in-flight", "must be at least server.max-body-bytes ("
                    + maxBody + "), got " + inFlight);
        }
        return new ListenerLimits(maxBody, file.positiveInt("server.max-lookup-body-bytes", defaults.maxLookupBodyBytes()),
                inFlight, file.positiveDuration("server.idle-timeout", defaults.idleTimeout()));
    }
}
