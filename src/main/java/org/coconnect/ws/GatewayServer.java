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
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.Operation;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.TlsMaterial;
import org.coconnect.security.WsSecurityProperties;

/**
 * Publishes the four operations, each at its own path, on HTTPS with mutual TLS and the WSDL's policy;
 * and under /legacy/ with the legacy CBC policy when a partner has opted in to it.
 */
public final class GatewayServer implements AutoCloseable {

    /** Largest request body accepted, before any parsing. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final List<EndpointImpl> endpoints = new ArrayList<>();

    private GatewayServer() {
    }

    public static GatewayServer start(Bus bus, GatewayConfig config, GatewayKeys keys, Crypto crypto,
                                      PartnerDirectory partners, ReceiveMessage receive, Alerts alerts, Clock clock) {
        configureTls(bus, config, keys, partners);
        var server = new GatewayServer();
        try {
            server.publish(bus, config, SecurityProfile.STANDARD, keys, crypto, partners, receive, alerts, clock);
            // The legacy CBC endpoints exist only while some partner has opted in to that profile.
            if (partners.all().stream().anyMatch(p -> p.config().securityProfile() == SecurityProfile.LEGACY_CBC)) {
                server.publish(bus, config, SecurityProfile.LEGACY_CBC, keys, crypto, partners, receive, alerts, clock);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The four operations under one profile's WSDL and policy, at /{operation} or /legacy/{operation}. */
    private void publish(Bus bus, GatewayConfig config, SecurityProfile profile, GatewayKeys keys, Crypto crypto,
                         PartnerDirectory partners, ReceiveMessage receive, Alerts alerts, Clock clock) {
        Map<String, Object> security = WsSecurityProperties.server(keys, crypto, config.timestampTimeToLive(),
                config.allowedClockSkew(), profile);
        for (Operation operation : Operation.values()) {
            var endpoint = new EndpointImpl(bus,
                    new GatewayEndpoint(operation, profile, config.self(), partners, receive, clock));
            endpoint.setWsdlLocation(Contract.wsdlResource(profile));
            endpoint.setServiceName(Contract.service(profile));
            endpoint.setEndpointName(Contract.port(operation));
            endpoint.setProperties(new java.util.HashMap<>(security));
            endpoint.getInInterceptors().add(new RawEnvelopeInterceptor(MAX_BODY_BYTES));
            endpoint.getOutFaultInterceptors().add(new FaultSanitizer(alerts));
            endpoint.publish(baseUrl(config) + "/" + Contract.path(profile, operation));
            endpoints.add(endpoint);
        }
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
