package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What coconnect --version prints from the build's properties, including a build without git. */
class VersionInfoTest {

    @Test
    void aBuildFromACloneNamesItsCommit() {
        assertArrayEquals(new String[] {"CoConnect gateway 1.2.0", "commit 765e468"},
                VersionInfo.describe(properties("1.2.0", "765e468")));
    }

    @Test
    void aBuildWithoutGitLeavesThePlaceholderAndPrintsUnknown() {
        assertArrayEquals(new String[] {"CoConnect gateway 1.2.0", "commit unknown"},
                VersionInfo.describe(properties("1.2.0", "${git.commit.id.abbrev}")));
    }

    @Test
    void aMissingResourcePrintsUnknownForBoth() {
        assertArrayEquals(new String[] {"CoConnect gateway unknown", "commit unknown"},
                VersionInfo.describe(new Properties()));
    }

    private static Properties properties(String version, String commit) {
        var properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        return properties;
    }
}
