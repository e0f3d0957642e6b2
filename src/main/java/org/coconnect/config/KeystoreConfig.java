package org.coconnect.config;

import java.nio.file.Path;

/**
 * Secrets by role: three keystores (own private keys, partner certificates, trust anchors) and the
 * HTTP Basic credentials, both directions.
 *
 * @param demo                when true, missing demo material is generated at start-up
 * @param inboundCredentials  file of {@code user:argon2id-hash} lines: the logins partners use with us
 * @param outboundCredentials file of {@code partnerId:user:password} lines: our logins with partners
 */
public record KeystoreConfig(Path own, Path partners, Path trust, char[] password, boolean demo,
                             Path inboundCredentials, Path outboundCredentials) {
}
