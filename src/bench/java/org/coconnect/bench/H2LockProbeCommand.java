package org.coconnect.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.coconnect.config.DatabaseSettings;
import org.h2.api.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coconnect-bench h2-lock-probe}: H2 alone, with the gateway's file URL, the receive path's pattern
 * (two sessions inserting the same unique key at once, each with another row first; or, with --no-race, each
 * session its own keys), killed with SIGKILL again and again; after each kill a fresh session looks for a key
 * that is neither visible nor insertable (a lock left by a transaction that no longer exists) and must not spin.
 * Exit 1 when it finds one (docs/operations.md, "H2 2.4.240, not 2.5.252"); run it before moving to another H2.
 */
@Command(name = "h2-lock-probe", mixinStandardHelpOptions = true,
        description = "Kill an H2 writer again and again; look for unique keys left locked by no transaction.")
public final class H2LockProbeCommand implements Callable<Integer> {

    private static final int WRITERS = 4;
    private static final int CHECK_PATIENCE_SECONDS = 120;

    @Option(names = "--kills", defaultValue = "200", description = "Kills at most (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--dir", defaultValue = "target/h2-lock-probe", description = "Database directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--race", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Two sessions insert each key at once (default); --no-race: as many sessions, each its own keys.")
    boolean race;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        Path database = dir.toAbsolutePath().resolve("probe");
        var random = new Random();
        for (int kill = 1; kill <= kills; kill++) {
            long first = kill * 1_000_000L;
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", ChildJvm.classpath(), Writer.class.getName(), database.toString(),
                    Long.toString(first), race ? "race" : "solo").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("writer.log").toFile()).start();
            Thread.sleep(1000 + random.nextInt(3000));
            writer.destroyForcibly();
            writer.waitFor(1, TimeUnit.MINUTES);
            var check = CompletableFuture.supplyAsync(() -> lockedKeys(database, first));
            List<String> locked;
            try {
                locked = check.get(CHECK_PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Seen with H2 2.5.252: the fresh session's INSERT spins in TransactionMap.set and never returns.
                System.out.printf("kill %d: HUNG (a fresh session's insert did not return within %d s)%n", kill,
                        CHECK_PATIENCE_SECONDS);
                System.out.flush();
                // The spinning session cannot be stopped and holds the database open: end the JVM with the verdict.
                Runtime.getRuntime().halt(1);
                return 1;
            }
            System.out.printf("kill %d: %s%n", kill, locked.isEmpty() ? "every key visible or insertable" : "LOCKED " + locked);
            if (!locked.isEmpty()) {
                return 1;
            }
        }
        return 0;
    }

    /** Keys of this life that no session shows and none can insert: each waits for a transaction that is gone. */
    private static List<String> lockedKeys(Path database, long first) {
        try (Connection c = DriverManager.getConnection(DatabaseSettings.h2File(database).connectionUrl(), "sa", "")) {
            c.setAutoCommit(false);
            c.createStatement().execute("SET LOCK_TIMEOUT 3000");
            long last;
            try (ResultSet r = c.createStatement().executeQuery("SELECT COALESCE(MAX(N), 0) FROM PROBE_KEY")) {
                r.next();
                last = Math.max(first, r.getLong(1));
            }
            var locked = new ArrayList<String>();
            for (long n = first; n <= last + WRITERS * 2; n++) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO PROBE_MESSAGE(K) VALUES (?)")) {
                    insert.setString(1, "K" + n);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1) {
                        locked.add("K" + n);
                    }
                }
                c.rollback();
            }
            return locked;
        } catch (SQLException e) {
            throw new IllegalStateException("the probe's database cannot be checked", e);
        }
    }

    /**
     * The killed process: WRITERS pairs of sessions, each pair inserting the same next key at once ("race"), or
     * twice WRITERS sessions each inserting keys no other session inserts ("solo").
     */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            String url = DatabaseSettings.h2File(Path.of(args[0])).connectionUrl();
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS PROBE_MESSAGE(ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " K VARCHAR(64) NOT NULL, PAYLOAD VARCHAR(2000), CONSTRAINT UQ_PROBE UNIQUE(K))");
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS PROBE_KEY(ID BIGINT AUTO_INCREMENT PRIMARY KEY, N BIGINT)");
            }
            var next = new AtomicLong(Long.parseLong(args[1]));
            for (int i = 0; i < WRITERS; i++) {
                if ("race".equals(args[2])) {
                    new Thread(() -> race(url, next)).start();
                } else {
                    new Thread(() -> alone(url, next)).start();
                    new Thread(() -> alone(url, next)).start();
                }
            }
        }

        private static void alone(String url, AtomicLong next) {
            try (Connection one = DriverManager.getConnection(url, "sa", "")) {
                one.setAutoCommit(false);
                while (true) {
                    insert(one, next.getAndIncrement());
                }
            } catch (SQLException e) {
                e.printStackTrace();
            }
        }

        private static void race(String url, AtomicLong next) {
            try (Connection one = DriverManager.getConnection(url, "sa", "");
                 Connection two = DriverManager.getConnection(url, "sa", "")) {
                one.setAutoCommit(false);
                two.setAutoCommit(false);
                while (true) {
                    long n = next.getAndIncrement();
                    CompletableFuture<Void> copy = CompletableFuture.runAsync(() -> insert(two, n));
                    insert(one, n);
                    copy.join();
                }
            } catch (SQLException e) {
                e.printStackTrace();
            }
        }

        /** As a receive: another row first (the audit event), the unique one last, one commit. */
        private static void insert(Connection c, long n) {
            try {
                try (PreparedStatement key = c.prepareStatement("INSERT INTO PROBE_KEY(N) VALUES (?)")) {
                    key.setLong(1, n);
                    key.executeUpdate();
                }
                try (PreparedStatement message = c.prepareStatement("INSERT INTO PROBE_MESSAGE(K, PAYLOAD) VALUES (?, ?)")) {
                    message.setString(1, "K" + n);
                    message.setString(2, "x".repeat(1500));
                    message.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // The session is unusable; the next insert says so.
                }
            }
        }
    }
}
