package org.coconnect.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.coconnect.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deduplication answers a concurrent copy from the store only if the database's refusal is recognised
 * as "already stored": both databases' error reports must name the constraint.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class UniqueConstraintsIT {

    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;

    @Test
    void aSecondCopyOfAStoredMessageIsRecognisedAsAViolationOfTheMessageConstraint() {
        String messageId = UUID.randomUUID().toString();
        try (Database db = Database.open(database.newDatabase(dir))) {
            db.inTransaction(em -> {
                MessageStore.insert(em, message(messageId));
                return null;
            });

            var refused = assertThrows(PersistenceException.class, () -> db.inTransaction(em -> {
                MessageStore.insert(em, message(messageId));
                return null;
            }));
            assertTrue(UniqueConstraints.isViolationOf(refused, UniqueConstraints.MESSAGE), refused::toString);
        }
    }

    private static MessageEntity message(String messageId) {
        return new MessageEntity(MessageEntity.Direction.INBOUND, "KR-KCS", "send-co", messageId, null,
                Instant.now(), "00".repeat(32), new byte[] {1, 2, 3}, "<payload/>");
    }
}
