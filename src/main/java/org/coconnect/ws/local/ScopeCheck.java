package org.coconnect.ws.local;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refuses a call outside the client's scopes with 403, naming the scope missing, before the body is read. */
@Priority(Priorities.AUTHORIZATION)
final class ScopeCheck implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeCheck.class);

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RequiresScope required = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RequiresScope.class);
        LocalClients.Client client = (LocalClients.Client) request.getProperty(LocalAdmission.CLIENT);
        if (required == null || client == null || client.scopes().contains(required.value())) {
            return;
        }
        LOG.warn("Local interface: refused {} {} to client {}: scope {} missing", request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), client.id(), required.value().label());
        String scope = required.value().label();
        var problem = Representations.problems(403, List.of(Problem.error(ErrorCode.LOCAL_SCOPE_MISSING,
                "The client '" + client.id() + "' lacks the scope '" + scope + "' this call needs.", null)));
        problem.put("missingScope", scope);
        LocalAdmission.abort(request, Response.status(403).type(Representations.PROBLEM_JSON).entity(problem)
                .header("WWW-Authenticate", "Bearer realm=\"coconnect-local\", error=\"insufficient_scope\", scope=\""
                        + scope + "\"").build());
    }
}
