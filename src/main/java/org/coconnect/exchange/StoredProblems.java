package org.coconnect.exchange;

import java.util.List;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.ProblemEmbeddable;

/** The one mapping between an acknowledgement's problems and their stored rows, both ways. */
final class StoredProblems {
    private StoredProblems() {
    }

    static List<ProblemEmbeddable> toStored(List<Problem> problems) {
        return problems.stream()
                .map(p -> new ProblemEmbeddable(p.code().code(), p.severity(), p.text(), p.location()))
                .toList();
    }

    /** A code no longer known (stored by an older release) reads back as an internal error, not a failure. */
    static List<Problem> fromStored(List<ProblemEmbeddable> stored) {
        return stored.stream()
                .map(p -> new Problem(ErrorCode.fromCode(p.code()).orElse(ErrorCode.INTERNAL_ERROR),
                        p.severity(), p.text(), p.location()))
                .toList();
    }
}
