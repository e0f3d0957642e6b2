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
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;

/**
 * Publishes the JSON API at {base}/json on the partner listener, beside the SOAP endpoints: same port, TLS,
 * client certificates, start-up gate and error pages, and the same admission objects (one throttle for both
 * bindings, so a partner's budget is one budget).
 */
final class JsonServer {

    /** The path prefix of the JSON API: /json/send-co beside the SOAP /send-co. */
    static final String PATH = "json";

    private JsonServer() {
    }

    /** Whether any partner is configured for JSON: only then is the JSON API published. */
    static boolean wanted(PartnerDirectory partners) {
        return partners.all().stream().anyMatch(p -> p.config().protocol().isJson());
    }

    static Server publish(Bus bus, GatewayConfig config, GatewayKeys keys, PartnerDirectory partners,
                          InboundCredentials credentials, ReceiveMessage receive, Alerts alerts, ExchangeMetrics metrics,
                          java.time.Clock clock, PartnerThrottle throttle) {
        int maxBody = config.listener().maxBodyBytes();
        var endpoint = new JsonEndpoint(new JsonInbound(config.self(), partners, keys, receive, clock),
                new TransportAuthenticator(partners, credentials, config.trustedProxies()), throttle.admitter(maxBody),
                new RawEnvelopeInterceptor(maxBody), alerts, metrics, clock);
        var factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(GatewayServer.baseUrl(config) + "/" + PATH);
        factory.setServiceBeans(List.of(endpoint));
        Server server = factory.create();
        Destination destination = server.getDestination();
        ExchangeCompletion.install(destination);
        return server;
    }
}
