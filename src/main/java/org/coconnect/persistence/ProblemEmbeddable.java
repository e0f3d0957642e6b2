package org.coconnect.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.coconnect.domain.Severity;

/** One problem of a stored acknowledgement. */
@Embeddable
public class ProblemEmbeddable {
    private String code;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Column(length = 2048)
    private String text;
    @Column(length = 1024)
    private String location;

    protected ProblemEmbeddable() {
    }

    public ProblemEmbeddable(String code, Severity severity, String text, String location) {
        this.code = code;
        this.severity = severity;
        this.text = text;
        this.location = location;
    }

    public String code() { return code; }
    public Severity severity() { return severity; }
    public String text() { return text; }
    public String location() { return location; }
}
