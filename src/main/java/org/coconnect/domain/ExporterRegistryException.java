package org.coconnect.domain;

/** A change to the approved-exporter register that its rules do not allow; carries the problem to report. */
public final class ExporterRegistryException extends RuntimeException {
    private final transient Problem problem;

    public ExporterRegistryException(Problem problem) {
        super(problem.text(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
