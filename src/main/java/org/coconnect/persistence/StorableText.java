package org.coconnect.persistence;

/**
 * Text as a column can hold it. PostgreSQL refuses a NUL character in any text value, so a partner who puts one
 * into a login name would make the insert of the very alert that records the refusal fail; the NUL is kept
 * visible as the six characters {@code \u0000} instead.
 */
public final class StorableText {

    private StorableText() {
    }

    /** The text with every NUL written as {@code \u0000}; null stays null. */
    public static String of(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
    }
}
