package org.coconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md and the code name the same keys: every key the config package reads from gateway.properties
 * or a partner file has a row in its tables, every key in those tables is read, and the shipped conf/ files use
 * no key the gateway would silently ignore.
 */
class ConfigurationDocumentationTest {

    /** A key literal handed to one of PropertiesFile's getters (the only way config reads a key). */
    private static final Pattern READ = Pattern.compile(
            "\\b(?:required|optional|country|port|positiveInt|duration|positiveDuration|httpsUri|bool)\\(\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)`");

    @Test
    void everyKeyTheGatewayReadsIsDocumented() throws IOException {
        Set<String> missing = new TreeSet<>(keysTheCodeReads());
        missing.removeAll(keysDocumented());
        assertEquals(Set.of(), missing, "keys read in src/main/java/org/coconnect/config but not in docs/configuration.md");
    }

    @Test
    void everyDocumentedKeyIsRead() throws IOException {
        Set<String> unknown = new TreeSet<>(keysDocumented());
        unknown.removeAll(keysTheCodeReads());
        assertEquals(Set.of(), unknown, "keys in the tables of docs/configuration.md that no code reads");
    }

    @Test
    void theShippedConfigurationUsesOnlyKeysTheGatewayReads() throws IOException {
        Set<String> read = keysTheCodeReads();
        try (Stream<Path> files = Files.walk(Path.of("conf"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                var properties = new Properties();
                try (var reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                for (String key : properties.stringPropertyNames()) {
                    assertTrue(read.contains(key), file + " sets " + key + ", which the gateway never reads");
                }
            }
        }
    }

    static Set<String> keysTheCodeReads() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/coconnect/config"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        // Guards the pattern itself: a change in how keys are read must not make this test pass on nothing.
        assertTrue(keys.size() > 40 && keys.contains("gateway.country") && keys.contains("partner.allowed-ips"),
                "found only " + keys);
        return keys;
    }

    /** The backticked keys in the first column of the tables of docs/configuration.md. */
    static Set<String> keysDocumented() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("docs", "configuration.md"))) {
            if (line.startsWith("| `")) {
                Matcher m = KEY.matcher(line.substring(1, line.indexOf('|', 1)));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
