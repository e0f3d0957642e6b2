package org.coconnect.config;

import java.nio.file.Path;

/**
 * The local interface for our own issuing and customs systems: loopback HTTP with a bearer token.
 *
 * @param host      the address to bind; must be a loopback address
 * @param port      0 disables the local interface
 * @param tokenFile where the bearer token is kept
 * @param token     the bearer token read from that file; null when disabled
 */
public record LocalApiConfig(String host, int port, Path tokenFile, char[] token) {

    public static final int DEFAULT_PORT = 8480;

    public static LocalApiConfig disabled() {
        return new LocalApiConfig("127.0.0.1", 0, null, null);
    }

    public boolean enabled() {
        return port != 0;
    }

    public LocalApiConfig withHost(String newHost) {
        return new LocalApiConfig(newHost, port, tokenFile, token);
    }

    /** Never prints the token: configurations end up in logs. */
    @Override
    public String toString() {
        return "LocalApiConfig[host=" + host + ", port=" + port + ", tokenFile=" + tokenFile + "]";
    }
}
