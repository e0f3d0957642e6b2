package org.coconnect.ws.local;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every refusal and failure into a problem document (RFC 9457) under our stable codes, never a stack trace or a framework page. */
final class LocalRefusals implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRefusals.class);
    /** Codes that mean "no such thing here": answered 404. */
    private static final Set<ErrorCode> UNKNOWN = EnumSet.of(ErrorCode.UNKNOWN_CERTIFICATE,
            ErrorCode.UNKNOWN_EXPORTER, ErrorCode.UNKNOWN_DECLARATION, ErrorCode.UNKNOWN_INQUIRY,
            ErrorCode.UNKNOWN_EVENT_CURSOR);

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof LocalApiException e) {
            return answer(e);
        } else if (failure instanceof RejectionException e) {
            boolean unknown = e.problems().stream().allMatch(p -> UNKNOWN.contains(p.code()));
            int status = unknown ? 404 : 422;
            return Response.status(status).type(Representations.PROBLEM_JSON)
                    .entity(Representations.problems(status, e.problems())).build();
        } else if (failure instanceof NotFoundException) {
            return answer(new LocalApiException(404, ErrorCode.LOCAL_BAD_REQUEST, "There is no resource "
                    + request.getMethod() + " " + uri.getRequestUri().getRawPath() + "; see docs/local-api.openapi.yaml."));
        } else if (failure instanceof WebApplicationException e && e.getResponse().getStatus() == 405) {
            String allowed = String.join(", ", LocalRoutes.methodsAt(uri.getPath(false)));
            return answer(new LocalApiException(405, ErrorCode.LOCAL_BAD_REQUEST, "This resource answers " + allowed
                    + ", not " + request.getMethod() + ".", Map.of("Allow", allowed)));
        } else if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return answer(new LocalApiException(status, ErrorCode.LOCAL_BAD_REQUEST,
                    "The request could not be served (HTTP " + status + "); see docs/local-api.openapi.yaml."));
        }
        if (failure instanceof IOException || failure.getCause() instanceof IOException) {
            // The client went away while we answered (e.g. after a refusal it did not wait to read).
            LOG.debug("Local interface: the answer could not be written: {}", failure.getMessage());
        } else {
            LOG.error("Local interface: {} {} failed", request.getMethod(), uri.getRequestUri().getRawPath(), failure);
        }
        return answer(new LocalApiException(500, ErrorCode.INTERNAL_ERROR,
                "The gateway could not process the request now; retry later. The gateway's log has the details."));
    }

    /** The answer to a request refused before it reached a use case. */
    static Response answer(LocalApiException e) {
        var response = LocalAdmission.refusal(e.status(), e.problem().code(), e.problem().text());
        e.headers().forEach(response::header);
        return response.build();
    }
}
