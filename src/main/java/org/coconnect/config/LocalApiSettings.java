package org.coconnect.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.coconnect.domain.EventKind;
import org.coconnect.security.PrivateFiles;
import org.coconnect.security.RandomSecret;

/**
 * Reads the local interface's settings from gateway.properties: address, TLS, the operator's token file and the
 * clients file, both checked to be readable by their owner only.
 */
final class LocalApiSettings {

    private static final int MIN_TOKEN_LENGTH = 32;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CLIENT = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private LocalApiSettings() {
    }

    static LocalApiConfig read(PropertiesFile file, String country, Function<String, Path> resolve, boolean demo) {
        String host = file.optional("local.host", "127.0.0.1");
        int port = file.port("local.port", LocalApiConfig.DEFAULT_PORT);
        if (port == 0) {
            return new LocalApiConfig(host, 0, null, null);
        }
        boolean tls = file.bool("local.tls", false);
        if (!tls && !isLoopback(host)) {
            throw new ConfigException(file.name(), "local.host", "'" + host + "' is not a loopback address: "
                    + "listening beyond loopback needs local.tls=true");
        }
        Path tokenFile = resolve.apply(file.optional("local.token.file",
                "keystores/" + country.toLowerCase() + "/local-token"));
        char[] token = token(file, tokenFile, demo);
        Path clientsFile = resolve.apply(file.optional("local.clients.file",
                "keystores/" + country.toLowerCase() + "/local-clients.properties"));
        return new LocalApiConfig(host, port, tokenFile, token, tls, clients(clientsFile));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException("gateway.properties", "local.host", "unknown host '" + host + "'");
        }
    }

    private static char[] token(PropertiesFile file, Path tokenFile, boolean demo) {
        String token;
        try {
            if (Files.isRegularFile(tokenFile)) {
                ownerOnly(file.name(), "local.token.file", tokenFile);
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } else if (demo) {
                token = RandomSecret.hex(32);
                PrivateFiles.write(tokenFile, token.getBytes(StandardCharsets.UTF_8));
            } else {
                throw new ConfigException(file.name(), "local.token.file", "no token file " + tokenFile
                        + ": put a random token of at least " + MIN_TOKEN_LENGTH + " characters there, or set local.port=0");
            }
        } catch (IOException e) {
            throw new ConfigException(file.name(), "local.token.file", "cannot be read: " + e.getMessage());
        }
        // The token travels in an HTTP header, and a short one could be guessed by another user of the host.
        if (token.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            throw new ConfigException(file.name(), "local.token.file", "the token in " + tokenFile + " must be at least "
                    + MIN_TOKEN_LENGTH + " printable ASCII characters without spaces");
        }
        return token.toCharArray();
    }

    /** The clients of local.clients.file; none when it does not exist. */
    static List<LocalClientConfig> clients(Path path) {
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        ownerOnly("gateway.properties", "local.clients.file", path);
        var file = PropertiesFile.read(path);
        var names = new TreeSet<String>();
        file.keys().forEach(k -> names.add(k.contains(".") ? k.substring(0, k.indexOf('.')) : k));
        var clients = new ArrayList<LocalClientConfig>();
        for (String name : names) {
            if (!CLIENT.matcher(name).matches() || name.equals(LocalClientConfig.OPERATOR)) {
                throw new ConfigException(file.name(), name, "a client name is 1-32 lower-case letters, digits or '-', "
                        + "and not 'operator' (the client of local.token.file)");
            }
            clients.add(client(file, name));
        }
        return clients;
    }

    private static LocalClientConfig client(PropertiesFile file, String name) {
        String hash = file.required(name + ".credential-sha256").strip().toLowerCase();
        if (!SHA256.matcher(hash).matches()) {
            throw new ConfigException(file.name(), name + ".credential-sha256", "must be the SHA-256 of the client's "
                    + "credential, 64 hex digits (e.g. printf %s \"$SECRET\" | sha256sum)");
        }
        Set<LocalScope> scopes = EnumSet.noneOf(LocalScope.class);
        for (String label : file.required(name + ".scopes").split(",")) {
            LocalScope scope = LocalScope.of(label);
            if (scope == null) {
                throw new ConfigException(file.name(), name + ".scopes", "unknown scope '" + label.strip()
                        + "'; known are issue, decide, read, operate, monitor");
            }
            scopes.add(scope);
        }
        var callbacks = new LinkedHashMap<String, URI>();
        String prefix = name + ".callback.";
        for (String key : new TreeSet<>(file.keys())) {
            if (key.startsWith(prefix)) {
                callbacks.put(eventKind(file, key, key.substring(prefix.length())), callback(file, key));
            }
        }
        String secret = file.optional(name + ".notification-secret", null);
        if (!callbacks.isEmpty() && (secret == null || secret.strip().length() < MIN_TOKEN_LENGTH)) {
            throw new ConfigException(file.name(), name + ".notification-secret", "a client with callbacks needs a "
                    + "secret of at least " + MIN_TOKEN_LENGTH + " characters to sign them with");
        }
        return new LocalClientConfig(name, hash, scopes, secret == null ? null : secret.strip().toCharArray(),
                Map.copyOf(callbacks));
    }

    private static String eventKind(PropertiesFile file, String key, String label) {
        if (EventKind.of(label) == null) {
            throw new ConfigException(file.name(), key, "unknown event kind '" + label + "'");
        }
        return label;
    }

    private static URI callback(PropertiesFile file, String key) {
        String value = file.required(key).strip();
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(file.name(), key, "must be an http:// or https:// URL, got '" + value + "'");
    }

    /** A file holding credentials must be readable by its owner only (0600), as the gateway writes such files. */
    static void ownerOnly(String name, String key, Path path) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            permissions.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
            if (!permissions.isEmpty()) {
                throw new ConfigException(name, key, path + " holds credentials but other users may open it ("
                        + permissions + "); make it readable by its owner only: chmod 600 " + path);
            }
        } catch (IOException e) {
            throw new ConfigException(name, key, "cannot be read: " + e.getMessage());
        }
    }
}
