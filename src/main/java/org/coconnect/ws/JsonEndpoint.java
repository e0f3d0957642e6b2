package org.coconnect.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptor;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ExchangeMetrics;
import org.coconnect.security.JoseMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API at /json/{operation} (docs/json-api.md): the SOAP side's admission, run in the same order
 * and before the body is read (TLS client certificate, allowlist, Basic login, then the partner's budgets),
 * then {@link JsonInbound}. A refusal is a small JSON object with the partner-facing code, never detail.
 */
@Path("/")
public final class JsonEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(JsonEndpoint.class);
    private static final String PROBLEM_JSON = "application/json";
    private static final String OPENAPI = "openapi/partner-json-api.openapi.yaml";

    private final JsonInbound inbound;
    private final PhaseInterceptor<Message> transport;
    private final PhaseInterceptor<Message> admitter;
    private final PhaseInterceptor<Message> body;
    private final Alerts alerts;
    private final ExchangeMetrics metrics;
    private final Clock clock;
    /** The lookup and its admission, set once the verification use case exists (before requests are accepted). */
    private volatile Lookup lookup;

    private record Lookup(JsonLookup lookup, PhaseInterceptor<Message> admitter,
                          PhaseInterceptor<Message> body) {
    }

    JsonEndpoint(JsonInbound inbound, PhaseInterceptor<Message> transport, PhaseInterceptor<Message> admitter,
                 PhaseInterceptor<Message> body, Alerts alerts, ExchangeMetrics metrics, Clock clock) {
        this.inbound = inbound;
        this.transport = transport;
        this.admitter = admitter;
        this.body = body;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One message of an operation: a compact JWS (or a JWE carrying one) in, the signed acknowledgement out. */
    @POST
    @Path("{operation}")
    public Response receive(@PathParam("operation") String name) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Optional<Operation> operation = Operation.byPathName(name);
        try {
            transport.handleMessage(message);
            if (operation.isEmpty()) {
                throw new GatewayFault(ErrorCode.NO_SUCH_ADDRESS, "no operation " + name);
            }
            if (!mediaType(message).startsWith(JoseMessages.MEDIA_TYPE)) {
                throw new GatewayFault(ErrorCode.JSON_WRONG_REQUEST, "Content-Type " + mediaType(message));
            }
            admitter.handleMessage(message);
            body.handleMessage(message);
            Instant receivedAt = clock.instant();
            String partner = (String) message.get(TransportAuthenticator.TRANSPORT_PARTNER);
            String answer = inbound.receive(operation.get(), partner,
                    (byte[]) message.get(RawEnvelopeInterceptor.RAW_ENVELOPE), receivedAt);
            return Response.ok(answer, JoseMessages.MEDIA_TYPE).build();
        } catch (Fault | GatewayFault e) {
            return refuse(message, operation.orElse(null), e);
        } catch (RuntimeException e) {
            LOG.error("JSON {} could not be processed", name, e);
            return refuse(message, operation.orElse(null), new GatewayFault(ErrorCode.INTERNAL_ERROR, e.toString()));
        }
    }

    /** {@code lookupAdmitter} takes the lookup rate and the admission together, as on the SOAP side. */
    void enableLookup(JsonLookup json, PhaseInterceptor<Message> lookupAdmitter, PhaseInterceptor<Message> lookupBody) {
        this.lookup = new Lookup(json, lookupAdmitter, lookupBody);
    }

    Clock clock() {
        return clock;
    }

    /** The Annex III lookup: a signed verify-co request in, the signed verify-co answer out. */
    @POST
    @Path(VerifyEndpoint.PATH)
    public Response verify() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Lookup current = lookup;
        try {
            transport.handleMessage(message);
            if (current == null) {
                throw new GatewayFault(ErrorCode.NO_SUCH_ADDRESS, "verify-co is not served");
            }
            if (!mediaType(message).startsWith(JoseMessages.MEDIA_TYPE)) {
                throw new GatewayFault(ErrorCode.JSON_WRONG_REQUEST, "Content-Type " + mediaType(message));
            }
            current.admitter().handleMessage(message);
            current.body().handleMessage(message);
            String partner = (String) message.get(TransportAuthenticator.TRANSPORT_PARTNER);
            String answer = current.lookup().lookup(partner, (byte[]) message.get(RawEnvelopeInterceptor.RAW_ENVELOPE));
            return Response.ok(answer, JoseMessages.MEDIA_TYPE).build();
        } catch (Fault | GatewayFault e) {
            return refuse(message, null, e);
        } catch (RuntimeException e) {
            LOG.error("JSON verify-co could not be processed", e);
            return refuse(message, null, new GatewayFault(ErrorCode.INTERNAL_ERROR, e.toString()));
        }
    }

    /** The OpenAPI document of this API (docs/partner-json-api.openapi.yaml), behind the same transport checks. */
    @GET
    @Path("openapi.yaml")
    public Response openApi() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        try {
            transport.handleMessage(message);
            try (InputStream in = JsonEndpoint.class.getClassLoader().getResourceAsStream(OPENAPI)) {
                if (in == null) {
                    throw new GatewayFault(ErrorCode.INTERNAL_ERROR, OPENAPI + " is not on the classpath");
                }
                return Response.ok(in.readAllBytes(), "application/yaml").build();
            }
        } catch (Fault | GatewayFault e) {
            return refuse(message, null, e);
        } catch (IOException e) {
            return refuse(message, null, new GatewayFault(ErrorCode.INTERNAL_ERROR, e.toString()));
        }
    }

    /** The JSON Schemas, behind the same transport checks as the messages (as the SOAP side's ?wsdl). */
    @GET
    @Path("schema/{name}.schema.json")
    public Response schema(@PathParam("name") String name) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        try {
            transport.handleMessage(message);
            if (!JsonPayloadValidator.isPublished(name)) {
                throw new GatewayFault(ErrorCode.NO_SUCH_ADDRESS, "no schema " + name);
            }
            try (InputStream in = JsonPayloadValidator.resource(name)) {
                return Response.ok(in.readAllBytes(), "application/schema+json").build();
            }
        } catch (Fault | GatewayFault e) {
            return refuse(message, null, e);
        } catch (IOException e) {
            return refuse(message, null, new GatewayFault(ErrorCode.INTERNAL_ERROR, e.toString()));
        }
    }

    private static String mediaType(Message message) {
        var request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        String type = request == null ? null : request.getContentType();
        return type == null ? "" : type.toLowerCase(java.util.Locale.ROOT).strip();
    }

    private Response refuse(Message message, Operation operation, RuntimeException e) {
        GatewayFault fault = e instanceof GatewayFault g ? g
                : e.getCause() instanceof GatewayFault g ? g : new GatewayFault(ErrorCode.INTERNAL_ERROR, e.toString());
        int status = e instanceof Fault f && f.getStatusCode() >= 400 ? f.getStatusCode() : status(fault.partnerCode());
        if (operation != null) {
            metrics.received(operation, fault.code().code());
        }
        Object partner = message.get(TransportAuthenticator.TRANSPORT_PARTNER);
        if (fault.partnerCode() == ErrorCode.INTERNAL_ERROR) {
            LOG.error("{} on JSON {}: {}", fault.code().code(), operation, fault.getMessage());
        } else {
            alerts.raiseRefusal(fault.code(), partner != null ? "partner " + partner
                    : "address " + message.get(TransportAuthenticator.SOURCE_ADDRESS), (String) partner, null,
                    "Refused (JSON): " + fault.code().code() + " " + fault.getMessage());
        }
        Map<String, String> problem = new LinkedHashMap<>();
        problem.put("code", fault.partnerCode().code());
        problem.put("text", fault.partnerCode().partnerText());
        var response = Response.status(status).type(PROBLEM_JSON).entity(JsonCodec.mapper().valueToTree(problem).toString());
        if (status == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"CoConnect\"");
        }
        if (status == 413 || status == 429 || status == 503) {
            response.header("Connection", "close");
        }
        return response.build();
    }

    private static int status(ErrorCode code) {
        return switch (code) {
            case SECURITY_FAILURE -> 403;
            case AUTHENTICATION_FAILED -> 401;
            case NO_SUCH_ADDRESS -> 404;
            case JSON_WRONG_REQUEST -> 415;
            case INTERNAL_ERROR -> 500;
            default -> 400;
        };
    }
}
