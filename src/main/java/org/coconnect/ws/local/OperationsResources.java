package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.coconnect.config.LocalScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Routes for running the gateway: deliveries, alerts, health, metrics and this interface's OpenAPI document. */
@Path("/")
public final class OperationsResources extends LocalResource {

    /** Where the OpenAPI document (docs/local-api.openapi.yaml) travels inside the jar. */
    public static final String OPENAPI_RESOURCE = "openapi/local-api.openapi.yaml";
    private final LocalEndpoints endpoints;
    private final byte[] openApi;

    OperationsResources(LocalEndpoints endpoints) {
        this.endpoints = endpoints;
        this.openApi = openApiDocument();
    }

    @GET
    @RequiresScope(LocalScope.OPERATE)
    @Path("deliveries")
    public Response deliveries() {
        return answer(endpoints.deliveries(request()));
    }

    @POST
    @RequiresScope(LocalScope.OPERATE)
    @Path("deliveries/{messageId}/resend")
    public Response resend(@PathParam("messageId") String messageId) {
        return answer(endpoints.resend(messageId));
    }

    @GET
    @RequiresScope(LocalScope.MONITOR)
    @Path("alerts")
    public Response alerts() {
        return answer(endpoints.alerts(request()));
    }

    @GET
    @RequiresScope(LocalScope.MONITOR)
    @Path("health")
    public Response health() {
        return answer(endpoints.health());
    }

    @GET
    @RequiresScope(LocalScope.MONITOR)
    @Path("metrics")
    public Response metrics() {
        return answer(endpoints.metrics());
    }

    /** The OpenAPI 3 document of this interface, exactly as committed under docs/. */
    @GET
    @Path("openapi.yaml")
    public Response openApi() {
        return Response.ok(openApi).header("Content-Type", "application/yaml; charset=utf-8").build();
    }

    private static byte[] openApiDocument() {
        try (InputStream in = OperationsResources.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
