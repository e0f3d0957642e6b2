package org.coconnect.domain;

import java.util.Arrays;
import java.util.Optional;

/** The framework's service operations; the name is the path segment of the endpoint. */
public enum Operation {
    SEND_CO("send-co"),
    SEND_AMENDMENT_NOTIFICATION("send-amendment-notification"),
    SEND_CANCELLATION_STATUS("send-cancellation-status"),
    SEND_FEEDBACK("send-feedback"),
    /** Annex IV: the data of a Declaration of Origin made by an approved exporter. */
    SEND_DO("send-do"),
    /** Annex IV: the exporting side's approved-exporter list, in full. */
    SEND_APPROVED_EXPORTERS("send-approved-exporters"),
    /** An importing official's question about a received CO, to the issuing side (after China's e-CERT). */
    SEND_VERIFICATION_INQUIRY("send-verification-inquiry"),
    /** The issuing side's official answer to a verification inquiry. */
    SEND_INQUIRY_ANSWER("send-inquiry-answer");

    private final String pathName;

    Operation(String pathName) {
        this.pathName = pathName;
    }

    /** Lower-case, kebab-case name used in URLs and as the request wrapper element. */
    public String pathName() {
        return pathName;
    }

    public static Optional<Operation> byPathName(String name) {
        return Arrays.stream(values()).filter(o -> o.pathName.equals(name)).findFirst();
    }
}
