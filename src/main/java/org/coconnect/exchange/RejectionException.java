package org.coconnect.exchange;

import java.util.List;
import org.coconnect.domain.Problem;

/** A message or a domestic request that cannot apply, with every problem found; rolls its transaction back. */
public class RejectionException extends RuntimeException {
    private final transient List<Problem> problems;

    public RejectionException(List<Problem> problems) {
        super(problems.get(0).text(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public RejectionException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
