package org.coconnect.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One problem of a stored acknowledgement. */
@Embeddable
public class ProblemEmbeddable {
    private String code;
    private String severity;
    @Column(length = 2048)
    private String text;
    @Column(length = 1024)
    private String location;

    protected ProblemEmbeddable() {
    }

    public ProblemEmbeddable(String code, String severity, String text, String location) {
        this.code = code;
        this.severity = severity;
        this.text = text;
        this.location = location;
    }

    public String code() { return code; }
    public String severity() { return severity; }
    public String text() { return text; }
    public String location() { return location; }
}
