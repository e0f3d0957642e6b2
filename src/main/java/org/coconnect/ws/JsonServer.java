package org.coconnect.ws;

import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.Destination;
import org.coconnect.config.GatewayConfig;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ExchangeMetrics;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;

/**
 * Publishes the JSON API at {base}/json on the partner listener, beside the SOAP endpoints: same port, TLS,
 * client certificates, start-up gate and error pages, and the same admission objects (one admission for both
 * bindings, so a partner's budget is one budget).
 */
final class JsonServer {

    /** The path prefix of the JSON API: /json/send-co beside the SOAP /send-co. */
    static final String PATH = "json";

    private final Server server;
    private final JsonEndpoint endpoint;
    private final JsonInbound inbound;
    private final Admission admission;
    private final GatewayConfig config;

    private JsonServer(Server server, JsonEndpoint endpoint, JsonInbound inbound, Admission admission,
                       GatewayConfig config) {
        this.server = server;
        this.endpoint = endpoint;
        this.inbound = inbound;
        this.admission = admission;
        this.config = config;
    }

    /** Whether any partner is configured for JSON: only then is the JSON API published. */
    static boolean wanted(PartnerDirectory partners) {
        return partners.all().stream().anyMatch(p -> p.config().protocol().isJson());
    }

    static JsonServer publish(Bus bus, GatewayConfig config, GatewayKeys keys, PartnerDirectory partners,
                          InboundCredentials credentials, ReceiveMessage receive, Alerts alerts, ExchangeMetrics metrics,
                          java.time.Clock clock, Admission admission) {
        int maxBody = config.listener().maxBodyBytes();
        var inbound = new JsonInbound(config.self(), partners, keys, receive, clock);
        var endpoint = new JsonEndpoint(inbound, new TransportAuthenticator(partners, credentials, config.trustedProxies()), admission.exchange(maxBody),
                new RawEnvelopeInterceptor(maxBody), alerts, metrics, clock);
        var factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(GatewayServer.baseUrl(config) + "/" + PATH);
        factory.setServiceBeans(List.of(endpoint));
        Server server = factory.create();
        Destination destination = server.getDestination();
        ExchangeCompletion.install(destination);
        return new JsonServer(server, endpoint, inbound, admission, config);
    }

    /** The verify-co lookup at /json/verify-co, behind the lookup rate, admission and body budget as on the SOAP side. */
    void enableLookup(VerifyCertificate verify) {
        int maxBody = config.listener().maxLookupBodyBytes();
        endpoint.enableLookup(new JsonLookup(inbound, config.self(), verify, endpoint.clock()), admission.lookup(maxBody),
                new RawEnvelopeInterceptor(maxBody));
    }

    void destroy() {
        server.destroy();
    }
}
