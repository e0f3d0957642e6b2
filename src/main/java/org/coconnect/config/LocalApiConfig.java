package org.coconnect.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The local interface for our own issuing and customs systems: HTTP on loopback (HTTPS beyond), one credential
 * per client.
 *
 * @param host      the address to bind; anything but a loopback address needs {@code tls}
 * @param port      0 disables the local interface
 * @param tokenFile where the operator client's bearer token is kept
 * @param token     the bearer token read from that file; null when disabled
 * @param tls       HTTPS with the gateway's TLS key instead of plain HTTP
 * @param clients   the other clients, from local.clients.file
 */
public record LocalApiConfig(String host, int port, Path tokenFile, char[] token, boolean tls,
                             List<LocalClientConfig> clients) {

    public static final int DEFAULT_PORT = 8480;

    public LocalApiConfig {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /** Plain HTTP with the operator client only. */
    public LocalApiConfig(String host, int port, Path tokenFile, char[] token) {
        this(host, port, tokenFile, token, false, List.of());
    }

    public static LocalApiConfig disabled() {
        return new LocalApiConfig("127.0.0.1", 0, null, null);
    }

    public boolean enabled() {
        return port != 0;
    }

    public LocalApiConfig withHost(String newHost) {
        return new LocalApiConfig(newHost, port, tokenFile, token, tls, clients);
    }

    public LocalApiConfig withTls(boolean on) {
        return new LocalApiConfig(host, port, tokenFile, token, on, clients);
    }

    public LocalApiConfig withClients(List<LocalClientConfig> more) {
        return new LocalApiConfig(host, port, tokenFile, token, tls, more);
    }

    /** Never prints the token: configurations end up in logs. */
    @Override
    public String toString() {
        return "LocalApiConfig[host=" + host + ", port=" + port + ", tokenFile=" + tokenFile + ", tls=" + tls
                + ", clients=" + clients + "]";
    }
}
