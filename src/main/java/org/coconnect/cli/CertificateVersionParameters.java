package org.coconnect.cli;

import picocli.CommandLine.Parameters;

/** The first three positional parameters of a command about one CO version: country, number, version. */
final class CertificateVersionParameters {

    @Parameters(index = "0", paramLabel = "<country>", description = "Issuing country of the CO, e.g. KR.")
    private String country;

    @Parameters(index = "1", paramLabel = "<number>", description = "CO number.")
    private String number;

    @Parameters(index = "2", paramLabel = "<version>", description = "CO version.")
    private int version;

    /** The local interface path of an action on this CO version, e.g. {@code /certificates/KR/N1/1/treatment}. */
    String path(String action) {
        return LocalClient.path("certificates", country, number, version, action);
    }

    /** As operators read it: {@code KR:N1 v1}. */
    @Override
    public String toString() {
        return country + ":" + number + " v" + version;
    }
}
