package org.coconnect.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The header every CoConnect message carries. */
public record MessageHeader(UUID messageId, AdministrationId sender, AdministrationId receiver,
                            Instant createdAt, UUID relatedMessageId, String schemaVersion) {

    /** The schema version this gateway writes and accepts (major.minor; minors are compatible). */
    public static final String SCHEMA_VERSION = "1.0";

    public Optional<UUID> related() {
        return Optional.ofNullable(relatedMessageId);
    }
}
