package org.coconnect.ws.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.RejectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates each request before anything else (its body is not read for a bad token), routes it
 * to its endpoint and turns every refusal into JSON problems with our stable codes, never a stack trace.
 */
final class LocalRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRouter.class);
    /** Codes that mean "no such thing here": answered 404. */
    private static final java.util.Set<ErrorCode> UNKNOWN = java.util.EnumSet.of(ErrorCode.UNKNOWN_CERTIFICATE,
            ErrorCode.UNKNOWN_EXPORTER, ErrorCode.UNKNOWN_DECLARATION, ErrorCode.UNKNOWN_INQUIRY);
    private static final String REALM = "Bearer realm=\"coconnect-local\"";

    private final BearerToken token;
    private final LocalEndpoints endpoints;
    private final DeclarationEndpoints declarations;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    LocalRouter(BearerToken token, LocalEndpoints endpoints, DeclarationEndpoints declarations) {
        this.token = token;
        this.endpoints = endpoints;
        this.declarations = declarations;
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            write(exchange, closing ? refusal(503, ErrorCode.INTERNAL_ERROR, "The gateway is shutting down; retry later.")
                    : respond(exchange));
        } catch (IOException e) {
            LOG.debug("Local interface: the answer could not be written: {}", e.getMessage());
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
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

    private LocalResponse respond(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!token.admits(authorization)) {
            LOG.warn("Local interface: refused {} {} from {} without a valid bearer token", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRemoteAddress());
            String text = authorization == null
                    ? "A bearer token is required: send 'Authorization: Bearer <token>' with the token in local.token.file."
                    : "The bearer token is not valid.";
            return refusal(401, ErrorCode.LOCAL_UNAUTHORIZED, text).withHeader("WWW-Authenticate",
                    authorization == null ? REALM : REALM + ", error=\"invalid_token\"");
        }
        try {
            return route(new LocalRequest(exchange));
        } catch (LocalApiException e) {
            var response = LocalResponse.of(e.status(), Representations.problems(List.of(e.problem())));
            for (var header : e.headers().entrySet()) {
                response = response.withHeader(header.getKey(), header.getValue());
            }
            return response;
        } catch (RejectionException e) {
            boolean unknown = e.problems().stream().allMatch(p -> UNKNOWN.contains(p.code()));
            return LocalResponse.of(unknown ? 404 : 422, Representations.problems(e.problems()));
        } catch (RuntimeException e) {
            LOG.error("Local interface: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            return refusal(500, ErrorCode.INTERNAL_ERROR,
                    "The gateway could not process the request now; retry later. The gateway's log has the details.");
        }
    }

    private LocalResponse route(LocalRequest request) {
        List<String> path = request.segments();
        String resource = path.isEmpty() ? "" : path.get(0);
        int size = path.size();
        if (resource.equals("certificates") && size == 1) {
            return request.method().equals("GET") ? endpoints.list(request) : post(request, () -> endpoints.issue(request),
                    "GET, POST");
        } else if (resource.equals("certificates") && size == 4) {
            return get(request, () -> endpoints.one(request, path.subList(1, 4)));
        } else if (resource.equals("certificates") && size == 5 && path.get(4).equals("cancellation")) {
            return post(request, () -> endpoints.cancel(request, path.subList(1, 4)));
        } else if (resource.equals("certificates") && size == 5 && path.get(4).equals("treatment")) {
            return post(request, () -> endpoints.decide(request, path.subList(1, 4)));
        } else if (resource.equals("verifications") && size == 1) {
            return post(request, () -> endpoints.verify(request));
        } else if (resource.equals("certificates") && size == 5 && path.get(4).equals("inquiries")) {
            return post(request, () -> endpoints.inquiries().ask(request, LocalEndpoints.reference(path.subList(1, 4))));
        } else if (resource.equals("inquiries") && size == 1) {
            return get(request, () -> endpoints.inquiries().list(request));
        } else if (resource.equals("inquiries") && size == 2) {
            return get(request, () -> endpoints.inquiries().one(request, path.get(1)));
        } else if (resource.equals("inquiries") && size == 3 && path.get(2).equals("answer")) {
            return post(request, () -> endpoints.inquiries().answer(request, path.get(1)));
        } else if (resource.equals("claims") && size == 1) {
            return post(request, () -> endpoints.claim(request));
        } else if (resource.equals("deliveries") && size == 1) {
            return get(request, () -> endpoints.deliveries(request));
        } else if (resource.equals("deliveries") && size == 3 && path.get(2).equals("resend")) {
            return post(request, () -> endpoints.resend(path.get(1)));
        } else if (resource.equals("alerts") && size == 1) {
            return get(request, () -> endpoints.alerts(request));
        } else if (resource.equals("exporters") || resource.equals("exporter-list") || resource.equals("declarations")) {
            return routeDeclarations(request, path);
        } else if (resource.equals("health") && size == 1) {
            return get(request, endpoints::health);
        } else if (resource.equals("metrics") && size == 1) {
            return get(request, endpoints::metrics);
        }
        throw new LocalApiException(404, ErrorCode.LOCAL_BAD_REQUEST, "There is no resource "
                + request.method() + " /" + String.join("/", path) + "; see docs/local-interface.md.");
    }

    /** Annex IV: the approved-exporter register, the list push, issuing and looking up DOs. */
    private LocalResponse routeDeclarations(LocalRequest request, List<String> path) {
        String resource = path.get(0);
        int size = path.size();
        if (resource.equals("exporters") && size == 1) {
            return request.method().equals("GET") ? declarations.exporters(request)
                    : post(request, () -> declarations.register(request), "GET, POST");
        } else if (resource.equals("exporters") && size == 3) {
            return post(request, () -> declarations.change(request, path.get(1), path.get(2)));
        } else if (resource.equals("exporter-list") && size == 1) {
            return post(request, () -> declarations.push(request));
        } else if (resource.equals("declarations") && size == 1) {
            return post(request, () -> declarations.issue(request));
        } else if (resource.equals("declarations") && size == 2) {
            return get(request, () -> declarations.show(request, path.get(1)));
        }
        throw new LocalApiException(404, ErrorCode.LOCAL_BAD_REQUEST, "There is no resource "
                + request.method() + " /" + String.join("/", path) + "; see the README's local interface section.");
    }

    private static LocalResponse get(LocalRequest request, Supplier<LocalResponse> endpoint) {
        return only("GET", request, endpoint, "GET");
    }

    private static LocalResponse post(LocalRequest request, Supplier<LocalResponse> endpoint) {
        return only("POST", request, endpoint, "POST");
    }

    private static LocalResponse post(LocalRequest request, Supplier<LocalResponse> endpoint, String allowed) {
        return only("POST", request, endpoint, allowed);
    }

    private static LocalResponse only(String method, LocalRequest request, Supplier<LocalResponse> endpoint,
                                      String allowed) {
        if (!request.method().equals(method)) {
            throw new LocalApiException(405, ErrorCode.LOCAL_BAD_REQUEST, "This resource answers " + allowed
                    + ", not " + request.method() + ".", Map.of("Allow", allowed));
        }
        return endpoint.get();
    }

    private static LocalResponse refusal(int status, ErrorCode code, String text) {
        return LocalResponse.of(status, Representations.problems(List.of(Problem.error(code, text, null))));
    }

    private static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        byte[] body;
        if (response.body() instanceof LocalResponse.Text text) {
            body = text.text().getBytes(StandardCharsets.UTF_8);
            headers.set("Content-Type", text.contentType());
        } else {
            body = (JsonWriter.write(response.body()) + "\n").getBytes(StandardCharsets.UTF_8);
            headers.set("Content-Type", "application/json; charset=utf-8");
        }
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        response.headers().forEach(headers::set);
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
