package org.coconnect.domain;

import java.util.Objects;

/** A customs administration: ISO 3166-1 alpha-2 country plus the authority identifier agreed between partners. */
public record AdministrationId(String countryCode, String authorityId) {
    public AdministrationId {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(authorityId, "authorityId");
    }

    @Override
    public String toString() {
        return countryCode + "/" + authorityId;
    }
}
