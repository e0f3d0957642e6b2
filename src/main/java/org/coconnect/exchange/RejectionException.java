package org.coconnect.exchange;

import java.util.List;
import org.coconnect.domain.Problem;

/** Thrown inside the receive transaction when the message cannot be applied; rolls it back. */
class RejectionException extends RuntimeException {
    private final transient List<Problem> problems;

    RejectionException(List<Problem> problems) {
        super(problems.get(0).text(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    RejectionException(Problem problem) {
        this(List.of(problem));
    }

    List<Problem> problems() {
        return problems;
    }
}
