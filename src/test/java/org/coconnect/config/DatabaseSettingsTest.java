package org.coconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The H2 settings that make a returned commit survive kill -9, and an interrupted thread harmless, reach every H2
 * file URL, from conf/ too.
 */
class DatabaseSettingsTest {

    @Test
    void anH2FileUrlFromConfGetsWriteDelayZeroAndAppendOnlyChunks() {
        var settings = new DatabaseSettings("jdbc:h2:file:/var/lib/coconnect/db", "sa", "", 10);
        assertEquals("jdbc:h2:retry:file:/var/lib/coconnect/db;WRITE_DELAY=0;REUSE_SPACE=FALSE", settings.connectionUrl());
    }

    @Test
    void theDefaultH2FileGetsTheMissingSettingOnce() {
        String url = DatabaseSettings.h2File(Path.of("/data/coconnect")).connectionUrl();
        assertEquals("jdbc:h2:retry:file:/data/coconnect;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;REUSE_SPACE=FALSE", url);
    }

    @Test
    void theSameSettingWrittenByTheOperatorIsNotRepeated() {
        var settings = new DatabaseSettings("jdbc:h2:file:/db;reuse_space=false", "sa", "", 10);
        assertEquals("jdbc:h2:retry:file:/db;reuse_space=false;WRITE_DELAY=0", settings.connectionUrl());
    }

    @Test
    void anH2UrlThatReusesFileSpaceIsRefusedNamingTheSetting() {
        var settings = new DatabaseSettings("jdbc:h2:file:/db;REUSE_SPACE=TRUE", "sa", "", 10);
        var refused = assertThrows(IllegalArgumentException.class, settings::connectionUrl);
        assertTrue(refused.getMessage().contains("REUSE_SPACE=FALSE"), refused.getMessage());
    }

    @Test
    void anH2UrlWithAWriteDelayIsRefused() {
        var settings = new DatabaseSettings("jdbc:h2:file:/db;WRITE_DELAY=500", "sa", "", 10);
        assertThrows(IllegalArgumentException.class, settings::connectionUrl);
    }

    @Test
    void anH2FileUrlAlreadyOnTheRetryFileSystemIsNotWrappedTwice() {
        var settings = new DatabaseSettings("jdbc:h2:retry:/db", "sa", "", 10);
        assertEquals("jdbc:h2:retry:/db;WRITE_DELAY=0;REUSE_SPACE=FALSE", settings.connectionUrl());
    }

    @Test
    void postgresqlInMemoryAndH2ServerUrlsAreUnchanged() {
        assertEquals("jdbc:h2:tcp://db/coconnect", new DatabaseSettings("jdbc:h2:tcp://db/coconnect", "sa", "", 10).connectionUrl());
        assertEquals("jdbc:postgresql://db/coconnect",
                new DatabaseSettings("jdbc:postgresql://db/coconnect", "u", "p", 10).connectionUrl());
        assertEquals("jdbc:h2:mem:test", new DatabaseSettings("jdbc:h2:mem:test", "sa", "", 10).connectionUrl());
    }
}
