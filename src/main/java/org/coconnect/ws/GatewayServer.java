package org.coconnect.ws;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Operation;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ExchangeMetrics;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;
import org.coconnect.security.TlsMaterial;
import org.coconnect.security.WsSecurityProperties;

/** Publishes the four operations, each at its own path, on HTTPS with mutual TLS and the WSDL's policy. */
public final class GatewayServer implements AutoCloseable {

    /** Largest request body accepted, before any parsing. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final List<EndpointImpl> endpoints = new ArrayList<>();

    private GatewayServer() {
    }

    public static GatewayServer start(Bus bus, GatewayConfig config, GatewayKeys keys, Crypto crypto,
                                      PartnerDirectory partners, InboundCredentials credentials, ReceiveMessage receive,
                                      Alerts alerts, ExchangeMetrics metrics, Clock clock) {
        configureTls(bus, config, keys, partners);
        XmlLimits.apply(bus);
        Map<String, Object> security = WsSecurityProperties.server(keys, crypto, config.timestampTimeToLive(),
                config.allowedClockSkew());
        var server = new GatewayServer();
        try {
            for (Operation operation : Operation.values()) {
                var endpoint = new EndpointImpl(bus, new GatewayEndpoint(operation, config.self(), partners, receive, clock));
                endpoint.setWsdlLocation(Contract.WSDL_RESOURCE);
                endpoint.setServiceName(Contract.SERVICE);
                endpoint.setEndpointName(Contract.port(operation));
                endpoint.setProperties(new java.util.HashMap<>(security));
                endpoint.getInInterceptors().add(new TransportAuthenticator(partners, credentials));
                endpoint.getInInterceptors().add(new SoapRequestGuard(operation));
                endpoint.getInInterceptors().add(new RawEnvelopeInterceptor(MAX_BODY_BYTES));
                endpoint.getOutFaultInterceptors().add(new FaultSanitizer(alerts, metrics, operation));
                endpoint.publish(baseUrl(config) + "/" + operation.pathName());
                server.endpoints.add(endpoint);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public static String baseUrl(GatewayConfig config) {
        return "https://" + config.bindHost() + ":" + config.port();
    }

    private static void configureTls(Bus bus, GatewayConfig config, GatewayKeys keys, PartnerDirectory partners) {
        var tls = new TLSServerParameters();
        tls.setKeyManagers(TlsMaterial.keyManagers(keys));
        tls.setTrustManagers(TlsMaterial.trustManagers(keys,
                partners.all().stream().flatMap((Partner p) -> p.tlsCertificates().stream()).toList()));
        tls.setIncludeProtocols(TlsMaterial.PROTOCOLS);
        var clientAuth = new ClientAuthentication();
        clientAuth.setWant(true);
        clientAuth.setRequired(true);
        tls.setClientAuthentication(clientAuth);
        try {
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort(config.port(), tls);
        } catch (Exception e) {
            throw new IllegalStateException("TLS cannot be configured on port " + config.port(), e);
        }
    }

    @Override
    public void close() {
        endpoints.forEach(EndpointImpl::stop);
        endpoints.clear();
    }
}
