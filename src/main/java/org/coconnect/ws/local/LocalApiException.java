package org.coconnect.ws.local;

import java.util.Map;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;

/** A request refused before it reaches a use case: the HTTP status, and the problem under our stable code. */
final class LocalApiException extends RuntimeException {

    private final int status;
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    LocalApiException(int status, ErrorCode code, String text, Map<String, String> headers) {
        super(text, null, false, false);
        this.status = status;
        this.problem = Problem.error(code, text, null);
        this.headers = Map.copyOf(headers);
    }

    LocalApiException(int status, ErrorCode code, String text) {
        this(status, code, text, Map.of());
    }

    int status() {
        return status;
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
