package org.coconnect.ws.local;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.coconnect.config.LocalScope;
import java.io.InputStream;
import java.util.List;

/** Routes for COs (Annex I-III), verification lookups, claims and verification inquiries; see docs/local-api.openapi.yaml. */
@Path("/")
public final class CertificateResources extends LocalResource {

    private static final String CO = "certificates/{country}/{number}/{version}";
    private final LocalEndpoints endpoints;

    CertificateResources(LocalEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("certificates")
    public Response list() {
        return answer(endpoints.list(request()));
    }

    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path("certificates")
    public Response issue(InputStream body) {
        return answer(endpoints.issue(request(body)));
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path(CO)
    public Response one(@PathParam("country") String country, @PathParam("number") String number,
                        @PathParam("version") String version) {
        return answer(endpoints.one(request(), List.of(country, number, version)));
    }

    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path(CO + "/cancellation")
    public Response cancel(@PathParam("country") String country, @PathParam("number") String number,
                           @PathParam("version") String version, InputStream body) {
        return answer(endpoints.cancel(request(body), List.of(country, number, version)));
    }

    @POST
    @RequiresScope(LocalScope.DECIDE)
    @Path(CO + "/treatment")
    public Response decide(@PathParam("country") String country, @PathParam("number") String number,
                           @PathParam("version") String version, InputStream body) {
        return answer(endpoints.decide(request(body), List.of(country, number, version)));
    }

    @POST
    @RequiresScope(LocalScope.DECIDE)
    @Path(CO + "/inquiries")
    public Response ask(@PathParam("country") String country, @PathParam("number") String number,
                        @PathParam("version") String version, InputStream body) {
        return answer(endpoints.inquiries().ask(request(body),
                LocalEndpoints.reference(List.of(country, number, version))));
    }

    @POST
    @RequiresScope(LocalScope.DECIDE)
    @Path("verifications")
    public Response verify(InputStream body) {
        return answer(endpoints.verify(request(body)));
    }

    @POST
    @RequiresScope(LocalScope.DECIDE)
    @Path("claims")
    public Response claim(InputStream body) {
        return answer(endpoints.claim(request(body)));
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("inquiries")
    public Response inquiries() {
        return answer(endpoints.inquiries().list(request()));
    }

    @GET
    @RequiresScope(LocalScope.READ)
    @Path("inquiries/{inquiryId}")
    public Response inquiry(@PathParam("inquiryId") String inquiryId) {
        return answer(endpoints.inquiries().one(request(), inquiryId));
    }

    @POST
    @RequiresScope(LocalScope.ISSUE)
    @Path("inquiries/{inquiryId}/answer")
    public Response answerInquiry(@PathParam("inquiryId") String inquiryId, InputStream body) {
        return answer(endpoints.inquiries().answer(request(body), inquiryId));
    }
}
