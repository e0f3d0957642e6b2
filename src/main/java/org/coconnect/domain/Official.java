package org.coconnect.domain;

/**
 * A named official who asks or answers a verification inquiry: partners see who is speaking.
 *
 * @param office the official's office or unit, may be null
 */
public record Official(String name, String office) {
    @Override
    public String toString() {
        return office == null ? name : name + " (" + office + ")";
    }
}
