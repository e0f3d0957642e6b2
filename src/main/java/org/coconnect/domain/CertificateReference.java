package org.coconnect.domain;

/** Identifies one version of a CO: issuing country, CO number and version. */
public record CertificateReference(String issuingCountry, String number, int version) {
    @Override
    public String toString() {
        return issuingCountry + ":" + number + " v" + version;
    }
}
