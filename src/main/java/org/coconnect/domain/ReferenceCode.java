package org.coconnect.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The reference code of an issued CO (Annex III): with the CO number it opens the CO at the issuing
 * side's verification portal. Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * so that it survives being read off paper and typed: 31^10, about 2^49.5 codes.
 */
public final class ReferenceCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceCode() {
    }

    public static String generate() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Officers type codes as they read them: spaces, dashes and lower case are forgiven. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Constant-time comparison (for codes of the same length), so that timing does not reveal how
     * many leading characters of a guess were right. A missing stored code never matches.
     */
    public static boolean matches(String stored, String typed) {
        byte[] expected = (stored == null ? "-".repeat(LENGTH) : stored).getBytes(StandardCharsets.US_ASCII);
        byte[] given = normalise(typed).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) && stored != null;
    }
}
