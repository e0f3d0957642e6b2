package org.coconnect.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.regex.Pattern;

/** One properties file with typed, validated getters whose errors name the file and key. */
final class PropertiesFile {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private final String name;
    private final Properties properties;

    private PropertiesFile(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
    }

    static PropertiesFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), null, "file not found");
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file.toString(), null, "cannot be read: " + e.getMessage());
        }
        return new PropertiesFile(file.toString(), properties);
    }

    /** Every key the file sets. */
    java.util.Set<String> keys() {
        return properties.stringPropertyNames();
    }

    String name() {
        return name;
    }

    /** The keys that start with this prefix, sorted. */
    java.util.List<String> keysStartingWith(String prefix) {
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException(name, key, "is required");
        }
        return value.trim();
    }

    String optional(String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String country(String key) {
        String value = required(key);
        if (!COUNTRY.matcher(value).matches()) {
            throw new ConfigException(name, key, "must be an ISO 3166-1 alpha-2 code such as KR, got '" + value + "'");
        }
        return value;
    }

    int port(String key, int fallback) {
        String value = optional(key, String.valueOf(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name, key, "must be a port number 0-65535, got '" + value + "'");
    }

    int positiveInt(String key, int fallback) {
        String value = optional(key, String.valueOf(fallback));
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name, key, "must be a positive whole number, got '" + value + "'");
    }

    /** An ISO-8601 duration such as PT5M. */
    Duration duration(String key, Duration fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new ConfigException(name, key, "must be an ISO-8601 duration such as PT5M, got '" + value + "'");
    }

    /** An ISO-8601 duration greater than zero, for intervals and thresholds where zero makes no sense. */
    Duration positiveDuration(String key, Duration fallback) {
        Duration d = duration(key, fallback);
        if (d.isZero()) {
            throw new ConfigException(name, key, "must be an ISO-8601 duration greater than zero, such as PT5M");
        }
        return d;
    }

    URI httpsUri(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(name, key, "must be an https:// URL, got '" + value + "'");
    }

    boolean bool(String key, boolean fallback) {
        String value = optional(key, String.valueOf(fallback));
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(name, key, "must be true or false, got '" + value + "'");
    }
}
