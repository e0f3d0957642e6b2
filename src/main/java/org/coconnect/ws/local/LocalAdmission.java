package org.coconnect.ws.local;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import java.util.regex.Pattern;
import org.coconnect.audit.Actor;
import org.coconnect.audit.AuditLog;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits each request before it is routed and before its body is read: none while the gateway shuts down,
 * none without the bearer token, none announcing a body over the limit. Every answer leaves with no-store
 * and nosniff.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class LocalAdmission implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAdmission.class);
    private static final String REALM = "Bearer realm=\"coconnect-local\"";
    private static final String COUNTED = LocalAdmission.class.getName() + ".counted";
    /** The request property holding the authenticated {@link LocalClients.Client}. */
    static final String CLIENT = LocalAdmission.class.getName() + ".client";
    /** The header in which a client names its own user, for the audit log. */
    static final String USER_HEADER = "X-CoConnect-User";
    private static final Pattern USER = Pattern.compile("[\\x21-\\x7E\\p{L}\\p{N}]([\\x20-\\x7E\\p{L}\\p{N}]{0,126}"
            + "[\\x21-\\x7E\\p{L}\\p{N}])?");

    private final LocalClients clients;
    private final AuditLog audit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    LocalAdmission(LocalClients clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (closing) {
            abort(request, refusal(503, ErrorCode.INTERNAL_ERROR, "The gateway is shutting down; retry later.").build());
            return;
        }
        inFlight.incrementAndGet();
        request.setProperty(COUNTED, Boolean.TRUE);
        Actor.clear();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        var client = clients.authenticate(authorization);
        if (client.isEmpty()) {
            LOG.warn("Local interface: refused {} {} without a valid bearer token", request.getMethod(),
                    request.getUriInfo().getRequestUri().getRawPath());
            String text = authorization == null
                    ? "A bearer token is required: send 'Authorization: Bearer <token>' with the token in local.token.file."
                    : "The bearer token is not valid.";
            abort(request, refusal(401, ErrorCode.LOCAL_UNAUTHORIZED, text).header("WWW-Authenticate",
                    authorization == null ? REALM : REALM + ", error=\"invalid_token\"").build());
            return;
        }
        String user = request.getHeaderString(USER_HEADER);
        if (user != null && !USER.matcher(user).matches()) {
            abort(request, refusal(400, ErrorCode.LOCAL_BAD_USER, "The " + USER_HEADER + " header must be at most "
                    + "128 printable characters without spaces at either end.").build());
            return;
        }
        request.setProperty(CLIENT, client.get());
        Actor.actAs(new Actor(client.get().id(), user));
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        int limit = isJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE)) ? LocalRequest.JSON_LIMIT
                : LocalRequest.XML_LIMIT;
        try {
            if (length != null && declaredLength(length) > limit) {
                throw LocalRequest.tooLarge(limit);
            }
        } catch (LocalApiException e) {
            abort(request, LocalRefusals.answer(e));
        }
    }

    static void abort(ContainerRequestContext request, Response refusal) {
        leaveBodyUnread();
        request.abortWith(refusal);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        try {
            auditChange(request, response);
        } finally {
            Actor.clear();
        }
        if (request.getProperty(COUNTED) != null) {
            request.removeProperty(COUNTED);
            inFlight.decrementAndGet();
        }
    }

    /**
     * Every change asked for (a POST that succeeded) gets an audit record naming the client and its user; the
     * records the use case made in its own transaction name them too (see {@link Actor}).
     */
    private void auditChange(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod()) || response.getStatus() >= 300 || Actor.current().isEmpty()) {
            return;
        }
        Object location = response.getHeaders().getFirst("Location");
        Object messageId = response.getEntity() instanceof java.util.Map<?, ?> body ? body.get("messageId") : null;
        audit.record(AuditLog.Kind.ADMIN, null, messageId == null ? null : messageId.toString(), "local interface "
                + request.getMethod() + " "
                + request.getUriInfo().getRequestUri().getRawPath() + " answered " + response.getStatus()
                + (location == null ? "" : " " + location));
    }

    /** Refuses new requests, then waits (at most {@code patience}) for those under way to finish. */
    void drain(Duration patience) {
        closing = true;
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw LocalRequest.badRequest("Content-Length is not a number.");
        }
    }

    /**
     * Forgets the body of a request refused before it was read: CXF would otherwise read (up to 16 MB of) it
     * before answering, and a client that announced a body it never sends would wait for nothing.
     */
    private static void leaveBodyUnread() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        DelegatingInputStream in = message == null ? null : message.getContent(DelegatingInputStream.class);
        if (in != null) {
            in.setInputStream(InputStream.nullInputStream());
        }
    }

    static Response.ResponseBuilder refusal(int status, ErrorCode code, String text) {
        return Response.status(status).type(Representations.PROBLEM_JSON)
                .entity(Representations.problems(status, List.of(Problem.error(code, text, null))));
    }
}
