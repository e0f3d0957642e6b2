package org.coconnect.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.coconnect.config.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it commits (an executor stopped with shutdownNow(), as the bench's progress printer and
 * the delivery senders at close are) must not close the H2 database under every other thread: the JDK closes a
 * FileChannel on interrupt, and H2 then panicked and refused every later statement until a restart.
 */
class DatabaseInterruptIT {

    @TempDir
    Path dir;

    @Test
    void aCommitOnAnInterruptedThreadLeavesTheDatabaseOpenForTheOthers() throws Exception {
        try (Database database = Database.open(DatabaseSettings.h2File(dir.resolve("interrupted")))) {
            database.inTransaction(em -> em.createNativeQuery("create table probe (id int primary key)").executeUpdate());

            CompletableFuture.runAsync(() -> {
                Thread.currentThread().interrupt();
                try {
                    database.inTransaction(em -> em.createNativeQuery("insert into probe values (1)").executeUpdate());
                } finally {
                    Thread.interrupted();
                }
            }).get(1, TimeUnit.MINUTES);

            database.inTransaction(em -> em.createNativeQuery("insert into probe values (2)").executeUpdate());
            Number rows = database.inTransaction(em -> (Number) em.createNativeQuery("select count(*) from probe")
                    .getSingleResult());
            assertEquals(2, rows.intValue(), "both commits are in, the interrupted one too");
        }
    }
}
