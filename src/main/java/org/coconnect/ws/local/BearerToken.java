package org.coconnect.ws.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The local interface's bearer token (RFC 6750), compared in constant time. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";
    private final byte[] expected;

    BearerToken(char[] token) {
        if (token == null || token.length == 0) {
            throw new IllegalArgumentException("the local interface needs a bearer token");
        }
        this.expected = new String(token).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an Authorization header value presents this token. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
        // isEqual takes the same time whatever the bytes, so the response time does not reveal a prefix.
        return MessageDigest.isEqual(expected, presented);
    }
}
