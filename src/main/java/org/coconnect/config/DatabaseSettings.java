package org.coconnect.config;

import java.util.Locale;

/** Where the database is and how to log in; the password never comes from conf/ itself. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    /**
     * What an H2 file database needs so that a commit that returned survives kill -9 of the JVM.
     * WRITE_DELAY=0: the committing thread writes H2's store (a chunk) before commit() returns.
     * REUSE_SPACE=FALSE: every chunk is appended at the end of the file. H2 finds the newest chunk
     * after a crash from the file's end or by following the chain from the chunk its file header names;
     * a chunk written into a free gap in the middle of the file, away from the position the previous chunk
     * predicted, is reachable by neither (the header written with it still names the previous chunk), so
     * up to 20 versions that had returned from commit() were rolled back on reopening. Shown by
     * {@code DurabilityStormIT} and described in docs/benchmarks.md ("Durability storm"), with H2 2.5.252. The
     * version in use now, 2.4.240, lost nothing in the same probe with space reuse on, but writes the chunk and
     * names it in the same order, so the setting stays; its cost is a file that grows by everything written.
     */
    private static final String[] H2_DURABILITY = {"WRITE_DELAY=0", "REUSE_SPACE=FALSE"};

    /**
     * H2's file system that reopens the file when a thread was interrupted during its I/O. Without it the JDK
     * closes the FileChannel under every thread (ClosedByInterruptException), H2 panics and the database is
     * closed for the whole gateway until a restart: one executor stopped with shutdownNow() mid-commit was
     * enough (DatabaseInterruptIT).
     */
    private static final String H2_RETRY_ON_INTERRUPT = "retry:";

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * The URL the pool connects with: for an H2 file database, the configured URL on H2's retry-on-interrupt
     * file system plus whichever of the durability settings it does not set itself; any other URL unchanged.
     * An H2 URL that sets one of them otherwise is refused: the gateway would acknowledge what a kill -9 can
     * take back.
     */
    public String connectionUrl() {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:h2:mem:") || jdbcUrl.startsWith("jdbc:h2:tcp:")
                || jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            return jdbcUrl;
        }
        String path = jdbcUrl.substring("jdbc:h2:".length());
        var url = new StringBuilder("jdbc:h2:").append(path.startsWith(H2_RETRY_ON_INTERRUPT) ? "" : H2_RETRY_ON_INTERRUPT)
                .append(path);
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        for (String setting : H2_DURABILITY) {
            String key = ";" + setting.substring(0, setting.indexOf('=') + 1);
            int at = upper.indexOf(key);
            if (at < 0) {
                url.append(';').append(setting);
            } else if (!upper.startsWith(";" + setting, at) || !endsAt(upper, at + 1 + setting.length())) {
                throw new IllegalArgumentException("database.url " + jdbcUrl + " sets " + key.substring(1)
                        + " otherwise; an H2 file database needs " + setting + " so that an acknowledged message"
                        + " survives a killed process (or leave the setting out)");
            }
        }
        return url.toString();
    }

    private static boolean endsAt(String url, int index) {
        return index == url.length() || url.charAt(index) == ';';
    }

    /** An embedded H2 file database at the given path (without the .mv.db suffix). */
    public static DatabaseSettings h2File(java.nio.file.Path file) {
        // connectionUrl() adds the rest of H2_DURABILITY, for URLs from conf/ as well. DB_CLOSE_ON_EXIT=FALSE: on
        // SIGTERM H2's own shutdown hook would close the database under the requests still being answered; the
        // gateway's graceful stop closes it last instead.
        return new DatabaseSettings("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", 10);
    }
}
