package org.coconnect.monitoring;

/**
 * Makes text that partners control safe to print on one line of a log or a terminal: line breaks, terminal
 * escape sequences and other control or direction-changing characters are shown as {@code \n}, {@code \r},
 * {@code \t} or {@code \}{@code uXXXX} instead of acting. A forged log line or a screen-clearing sequence in a
 * login name then reads as what it is.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text with every control character written as an escape; null stays null. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(ControlCharacters::acts)) {
            return text;
        }
        var escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (acts(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** C0 and C1 controls, DEL, the Unicode line separators and the bidirectional overrides. */
    private static boolean acts(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
