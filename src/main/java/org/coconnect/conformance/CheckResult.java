package org.coconnect.conformance;

/** The outcome of one conformance check: its name, whether it passed, and why. */
public record CheckResult(String name, boolean passed, String reason) {

    public static CheckResult pass(String name, String reason) {
        return new CheckResult(name, true, reason);
    }

    public static CheckResult fail(String name, String reason) {
        return new CheckResult(name, false, reason);
    }

    /** One line of the report, e.g. {@code PASS  signed-acknowledgement  ACCEPTED, signed by CN=...}. */
    public String line() {
        return String.format("%s  %-32s %s", passed ? "PASS" : "FAIL", name, reason);
    }
}
