package org.coconnect.persistence;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Not a test: the small program behind docs/benchmarks.md "Durability storm". A child JVM commits rows
 * (two 4 KB LOBs each, as the gateway's evidence) from 8 threads into an H2 file and prints each ID once
 * commit() has returned; the parent kills the child with SIGKILL at a random moment, reopens the file and
 * counts the printed IDs that are missing. Run from the test classpath:
 * {@code java -cp <test classpath> org.coconnect.persistence.H2KillProbe <file> <rounds> <url settings> [serialise]},
 * e.g. settings ";WRITE_DELAY=0" (the old ones) or ";WRITE_DELAY=0;REUSE_SPACE=FALSE".
 */
public final class H2KillProbe {

    private static final Object COMMIT_LOCK = new Object();

    private H2KillProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Boolean.parseBoolean(args[2]));
        } else {
            String url = "jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath() + args[2];
            parent(url, Integer.parseInt(args[1]), args.length > 3 && args[3].equals("serialise"));
        }
    }

    private static void child(String url, boolean serialise) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table if not exists m(id bigint primary key, env blob, payload clob)");
        }
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        byte[] envelope = new byte[4000];
        new Random(1).nextBytes(envelope);
        long base = System.nanoTime() % 1_000_000_000L * 1000;
        for (int t = 0; t < 8; t++) {
            long first = base + t * 10_000_000L;
            new Thread(() -> commitForever(url, first, envelope, serialise, out)).start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void commitForever(String url, long first, byte[] envelope, boolean serialise, PrintStream out) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            for (long id = first; ; id++) {
                try (PreparedStatement insert = c.prepareStatement("insert into m values(?,?,?)")) {
                    insert.setLong(1, id);
                    insert.setBytes(2, envelope);
                    insert.setString(3, "x".repeat(4000));
                    insert.executeUpdate();
                }
                if (serialise) {
                    synchronized (COMMIT_LOCK) {
                        c.commit();
                    }
                } else {
                    c.commit();
                }
                synchronized (out) {
                    // The acknowledgement, only after commit() returned: one write, so never half a line.
                    out.print(id + "\n");
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private static void parent(String url, int rounds, boolean serialise) throws Exception {
        var random = new Random();
        long acknowledged = 0;
        long missing = 0;
        for (int round = 0; round < rounds; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), H2KillProbe.class.getName(), "child", url, "" + serialise)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<Long> ids = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> readIds(child, ids));
            reader.start();
            while (ids.size() < 20 && child.isAlive()) {
                Thread.sleep(10);
            }
            Thread.sleep(200 + random.nextInt(1500));
            child.destroyForcibly();
            child.waitFor();
            reader.join();
            long lost = countMissing(url, ids);
            acknowledged += ids.size();
            missing += lost;
            System.out.printf("round %d: acknowledged %d, missing %d%n", round, ids.size(), lost);
        }
        System.out.printf("TOTAL acknowledged %d, missing %d (%s)%n", acknowledged, missing, url);
    }

    private static void readIds(Process child, List<Long> ids) {
        try (var in = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ids.add(Long.parseLong(line.trim()));
            }
        } catch (Exception endOfChild) {
            // the child was killed mid-line: what was read is what was acknowledged
        }
    }

    private static long countMissing(String url, List<Long> ids) throws Exception {
        long missing = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement find = c.prepareStatement("select count(*) from m where id = ?")) {
            for (long id : ids) {
                find.setLong(1, id);
                try (ResultSet rows = find.executeQuery()) {
                    rows.next();
                    missing += rows.getInt(1) == 0 ? 1 : 0;
                }
            }
        }
        return missing;
    }
}
