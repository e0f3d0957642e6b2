package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.coconnect.config.LocalScope;
import java.io.InputStream;

/** Routes for Annex IV: the approved-exporter register, the list push, DOs; see docs/local-api.openapi.yaml. */
@Path("/")
public final class DeclarationResources extends LocalResource {

    private final DeclarationEndpoints declarations;

    DeclarationResources(DeclarationEndpoints declarations) {
        this.declarations = declarations;
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("exporters")
    public Response exporters() {
        return answer(declarations.exporters(request()));
    }

    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path("exporters")
    public Response register(InputStream body) {
        return answer(declarations.register(request(body)));
    }

    /** {@code change} is authorisation, denial or revocation. */
    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path("exporters/{exporterId}/{change}")
    public Response change(@PathParam("exporterId") String exporterId, @PathParam("change") String change,
                           InputStream body) {
        return answer(declarations.change(request(body), exporterId, change));
    }

    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path("exporter-list")
    public Response push() {
        return answer(declarations.push(request()));
    }

    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path("declarations")
    public Response issue(InputStream body) {
        return answer(declarations.issue(request(body)));
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("declarations/{number}")
    public Response show(@PathParam("number") String number) {
        return answer(declarations.show(request(), number));
    }
}
