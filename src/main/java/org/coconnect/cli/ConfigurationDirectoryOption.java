package org.coconnect.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --conf} option of the commands that read the gateway's configuration themselves. */
final class ConfigurationDirectoryOption {

    @Option(names = "--conf", description = "Configuration directory (default: ${DEFAULT-VALUE}).", defaultValue = "conf")
    private Path directory;

    /** The configuration directory given, or {@code conf} under the working directory. */
    Path path() {
        return directory;
    }
}
