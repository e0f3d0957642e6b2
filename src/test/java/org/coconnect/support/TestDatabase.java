package org.coconnect.support;

import java.nio.file.Path;
import org.coconnect.config.DatabaseSettings;

/** The databases that persistence tests run on: the embedded H2 default and PostgreSQL for production. */
public enum TestDatabase {
    H2 {
        @Override
        public DatabaseSettings newDatabase(Path dataDir) {
            return DatabaseSettings.h2File(dataDir.resolve("coconnect"));
        }
    },
    POSTGRESQL {
        @Override
        public DatabaseSettings newDatabase(Path dataDir) {
            return EmbeddedPostgresServer.newDatabase();
        }
    };

    /** A fresh, empty database for one gateway; H2 keeps its file under dataDir. */
    public abstract DatabaseSettings newDatabase(Path dataDir);
}
