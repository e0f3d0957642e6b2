package org.coconnect.config;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * One client of the local interface: its name, the SHA-256 of its bearer credential, its scopes, and for
 * notifications the secret its callbacks are signed with and a callback URL per event kind.
 *
 * @param id                 the client's name, e.g. "customs"; "operator" is the client of local.token.file
 * @param credentialSha256   SHA-256 of the credential, lower-case hex
 * @param scopes             what it may do
 * @param notificationSecret HMAC key of its callbacks; null when it registers none
 * @param callbacks          event kind (e.g. "co-received") to the URL notified
 */
public record LocalClientConfig(String id, String credentialSha256, Set<LocalScope> scopes, char[] notificationSecret,
                                Map<String, URI> callbacks) {

    /** The client that holds local.token.file: the operator and the CLI, with every scope. */
    public static final String OPERATOR = "operator";

    public LocalClientConfig {
        scopes = Set.copyOf(scopes);
        callbacks = Map.copyOf(callbacks);
    }

    /** The clients of a clients file (local.clients.file), checked as at start-up; none when it does not exist. */
    public static java.util.List<LocalClientConfig> readFile(java.nio.file.Path file) {
        return LocalApiSettings.clients(file);
    }

    /** Never prints the secret: configurations end up in logs. */
    @Override
    public String toString() {
        return "LocalClientConfig[id=" + id + ", scopes=" + scopes + ", callbacks=" + callbacks.keySet() + "]";
    }
}
