package org.coconnect.domain;

import org.coconnect.error.ErrorCode;

/** One problem found in a message: stable code, severity, readable text and XPath location (may be null). */
public record Problem(ErrorCode code, Severity severity, String text, String location) {

    public static Problem error(ErrorCode code, String text, String location) {
        return new Problem(code, Severity.ERROR, text, location);
    }

    public static Problem warning(ErrorCode code, String text, String location) {
        return new Problem(code, Severity.WARNING, text, location);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
