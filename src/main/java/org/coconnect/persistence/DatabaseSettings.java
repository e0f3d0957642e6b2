package org.coconnect.persistence;

/** Where the database is and how to log in; the password never comes from conf/ itself. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** An embedded H2 file database at the given path (without the .mv.db suffix). */
    public static DatabaseSettings h2File(java.nio.file.Path file) {
        // WRITE_DELAY=0: a commit reaches the file before we acknowledge, so kill -9 cannot lose it.
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM H2's own shutdown hook would close the database under the requests
        // still being answered; the gateway's graceful stop closes it last instead.
        return new DatabaseSettings("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", 10);
    }
}
