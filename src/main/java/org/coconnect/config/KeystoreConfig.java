package org.coconnect.config;

import java.nio.file.Path;

/**
 * The three keystores by role: own private keys, partner certificates, trust anchors.
 *
 * @param demo when true, missing demo key material is generated at start-up
 */
public record KeystoreConfig(Path own, Path partners, Path trust, char[] password, boolean demo) {
}
