package org.coconnect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code coconnect --version} prints: the release and the source commit, read from the build's resource. */
final class VersionInfo implements IVersionProvider {

    static final String RESOURCE = "/coconnect-version.properties";
    private static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        return describe(read());
    }

    /** The two lines, from the build's properties; what the build could not fill in reads 'unknown'. */
    static String[] describe(Properties build) {
        String version = known(build.getProperty("version"));
        String commit = known(build.getProperty("commit"));
        return new String[] {"CoConnect gateway " + version, "commit " + commit};
    }

    private static Properties read() {
        var properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A damaged resource reads as an unknown version rather than failing the command.
        }
        return properties;
    }

    /** A placeholder the build could not fill (no git checkout) is unknown, like a missing value. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }
}
