package org.coconnect.security;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Generated secrets (keystore passwords, tokens, partner passwords): strong random bytes written as hex. */
public final class RandomSecret {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {
    }

    /** {@code bytes} random bytes as lower-case hex: printable, safe in properties and credential files. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
