package org.coconnect.ws.local;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** What the local interface's resources share: the request as the endpoints read it, and their answer as JAX-RS sends it. */
abstract class LocalResource {

    private static final String JSON = "application/json; charset=utf-8";

    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    /** This request, without a body. */
    LocalRequest request() {
        return request(null);
    }

    /** This request with its body, read (capped) only when the endpoint asks for it. */
    LocalRequest request(InputStream body) {
        return new LocalRequest(uri.getRequestUri(), headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
    }

    /** An endpoint's answer: JSON through Jackson, or text as it is (the metrics). */
    static Response answer(LocalResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        if (response.body() instanceof LocalResponse.Text text) {
            builder.entity(text.text()).header(HttpHeaders.CONTENT_TYPE, text.contentType());
        } else {
            builder.entity(response.body()).header(HttpHeaders.CONTENT_TYPE, JSON);
        }
        response.headers().forEach(builder::header);
        return builder.build();
    }
}
