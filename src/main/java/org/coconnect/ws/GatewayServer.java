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
import org.coconnect.exchange.ExchangeMetrics;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;
import org.coconnect.security.ReloadableTls;
import org.coconnect.security.TlsMaterial;
import org.coconnect.security.WsSecurityProperties;

/** Publishes every operation, each at its own path, on HTTPS with mutual TLS and the WSDL's policy. */
public final class GatewayServer implements AutoCloseable {

    /** Largest request body accepted by default, before any parsing (conf: server.max-body-bytes). */
    public static final int MAX_BODY_BYTES = org.coconnect.config.ListenerLimits.DEFAULT_MAX_BODY_BYTES;

    private final List<EndpointImpl> endpoints = new ArrayList<>();
    private final List<SecurityProfile> profiles = new ArrayList<>();
    private Inbound inbound;
    private Bus bus;
    private PartnerListener listener;
    private ReloadableTls tls;
    private JsonServer json;

    private GatewayServer() {
    }

    /** The listener's TLS key and client trust, which a reload replaces for new connections. */
    public ReloadableTls tls() {
        return tls;
    }

    public static GatewayServer start(Bus bus, GatewayConfig config, GatewayKeys keys, Crypto crypto,
                                      PartnerDirectory partners, InboundCredentials credentials, ReceiveMessage receive,
                                      Alerts alerts, ExchangeMetrics metrics, Clock clock) {
        ReloadableTls tls = configureTls(bus, config, keys, partners);
        XmlLimits.apply(bus);
        var server = new GatewayServer();
        server.tls = tls;
        server.listener = PartnerListener.prepare(bus, config);
        var inbound = new Inbound(config, keys, crypto, partners, credentials, receive, alerts, metrics, clock,
                new Admission(partners, config.verification(), clock, config.listener().bytesInFlight()));
        server.inbound = inbound;
        server.bus = bus;
        try {
            server.publish(bus, inbound, SecurityProfile.STANDARD);
            // The legacy CBC endpoints exist only while some partner has opted in to that profile.
            if (partners.all().stream().anyMatch(p -> p.config().securityProfile() == SecurityProfile.LEGACY_CBC)) {
                server.publish(bus, inbound, SecurityProfile.LEGACY_CBC);
            }
            if (JsonServer.wanted(partners)) {
                server.json = JsonServer.publish(bus, config, keys, partners, credentials, receive, alerts, metrics, clock,
                        inbound.admission());
            }
            server.listener.harden();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** What every endpoint shares, whatever its profile. */
    private record Inbound(GatewayConfig config, GatewayKeys keys, Crypto crypto, PartnerDirectory partners,
                           InboundCredentials credentials, ReceiveMessage receive, Alerts alerts, ExchangeMetrics metrics,
                           Clock clock, Admission admission) {
    }

    /**
     * The verify-co lookup (Annex III) at /verify-co (and /legacy/verify-co where that profile is served),
     * behind the same transport checks, policy and admission as the other operations, plus the lookup rate.
     */
    public void publishVerification(Bus bus, VerifyCertificate verify) {
        Inbound in = inbound;
        if (json != null) {
            json.enableLookup(verify);
        }
        for (SecurityProfile profile : List.copyOf(profiles)) {
            var endpoint = new EndpointImpl(bus, new VerifyEndpoint(profile, in.config().self(), in.partners(), verify,
                    in.clock()));
            endpoint.setWsdlLocation(Contract.wsdlResource(profile));
            endpoint.setServiceName(Contract.service(profile));
            endpoint.setEndpointName(VerifyEndpoint.PORT);
            endpoint.setProperties(new java.util.HashMap<>(WsSecurityProperties.server(in.keys(), in.crypto(),
                    in.config().timestampTimeToLive(), in.config().allowedClockSkew(), profile)));
            endpoint.getInInterceptors().add(new TransportAuthenticator(in.partners(), in.credentials(),
                    in.config().trustedProxies()));
            endpoint.getInInterceptors().add(new SoapRequestGuard(VerifyEndpoint.PATH, VerifyEndpoint.SOAP_ACTION));
            int maxBody = in.config().listener().maxLookupBodyBytes();
            endpoint.getInInterceptors().add(in.admission().lookup(maxBody));
            endpoint.getInInterceptors().add(new RawEnvelopeInterceptor(maxBody));
            endpoint.getOutFaultInterceptors().add(new FaultSanitizer(in.alerts(), in.metrics(), null));
            String prefix = profile == SecurityProfile.LEGACY_CBC ? Contract.LEGACY_CBC_PATH : "";
            endpoint.publish(baseUrl(in.config()) + "/" + prefix + VerifyEndpoint.PATH);
            ExchangeCompletion.install(endpoint);
            endpoints.add(endpoint);
        }
    }

    /** Every operation under one profile's WSDL and policy, at /{operation} or /legacy/{operation}. */
    private void publish(Bus bus, Inbound in, SecurityProfile profile) {
        profiles.add(profile);
        Map<String, Object> security = WsSecurityProperties.server(in.keys(), in.crypto(),
                in.config().timestampTimeToLive(), in.config().allowedClockSkew(), profile);
        for (Operation operation : Operation.values()) {
            var endpoint = new EndpointImpl(bus, new GatewayEndpoint(operation, profile, in.config().self(), in.partners(),
                    in.receive(), in.clock()));
            endpoint.setWsdlLocation(Contract.wsdlResource(profile));
            endpoint.setServiceName(Contract.service(profile));
            endpoint.setEndpointName(Contract.port(operation));
            endpoint.setProperties(new java.util.HashMap<>(security));
            endpoint.getInInterceptors().add(new TransportAuthenticator(in.partners(), in.credentials(),
                    in.config().trustedProxies()));
            endpoint.getInInterceptors().add(new SoapRequestGuard(operation));
            int maxBody = in.config().listener().maxBodyBytes();
            endpoint.getInInterceptors().add(in.admission().exchange(maxBody));
            endpoint.getInInterceptors().add(new RawEnvelopeInterceptor(maxBody));
            endpoint.getOutFaultInterceptors().add(new FaultSanitizer(in.alerts(), in.metrics(), operation));
            endpoint.publish(baseUrl(in.config()) + "/" + Contract.path(profile, operation));
            ExchangeCompletion.install(endpoint);
            endpoints.add(endpoint);
        }
    }

    /** Every endpoint is published: the listener stops answering 503 and serves requests. */
    public void acceptRequests() {
        listener.open();
    }

    /** The partner's requests in flight now (0 when idle), for the metrics gauge. */
    public int requestsInFlight(String partnerId) {
        return inbound.admission().requestsInFlight(partnerId);
    }

    /** The admission every listener shares: the portal's lookups count against the same lookup rate. */
    public Admission admission() {
        return inbound.admission();
    }

    public static String baseUrl(GatewayConfig config) {
        return "https://" + config.bindHost() + ":" + config.port();
    }

    /** HTTPS with a required client certificate from a partner, on the config's port of this bus. */
    public static ReloadableTls configureTls(Bus bus, GatewayConfig config, GatewayKeys keys, PartnerDirectory partners) {
        var tls = new TLSServerParameters();
        var material = new ReloadableTls(keys, partnerTlsCertificates(partners));
        tls.setKeyManagers(material.keyManagers());
        tls.setTrustManagers(material.trustManagers());
        tls.setIncludeProtocols(TlsMaterial.PROTOCOLS);
        var suites = new org.apache.cxf.configuration.security.FiltersType();
        suites.getInclude().addAll(TlsMaterial.CIPHER_SUITES);
        tls.setCipherSuitesFilter(suites);
        var clientAuth = new ClientAuthentication();
        clientAuth.setWant(true);
        clientAuth.setRequired(true);
        tls.setClientAuthentication(clientAuth);
        try {
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort(config.port(), tls);
        } catch (Exception e) {
            throw new IllegalStateException("TLS cannot be configured on port " + config.port(), e);
        }
        return material;
    }

    /** Every partner's TLS certificates, which the listener accepts as client certificates. */
    public static List<java.security.cert.X509Certificate> partnerTlsCertificates(PartnerDirectory partners) {
        return partners.all().stream().flatMap((Partner p) -> p.tlsCertificates().stream()).toList();
    }

    /**
     * Graceful stop, first half: the listening socket closes (a new connection is refused, never reset) and
     * this waits, at most {@code grace}, until every open connection has answered its request in flight and
     * closed. Idle keep-alive connections are closed by Jetty within a second of the shutdown.
     *
     * @return true when every connection closed within the grace period
     */
    public boolean drain(java.time.Duration grace) {
        var engine = bus.getExtension(JettyHTTPServerEngineFactory.class)
                .retrieveJettyHTTPServerEngine(inbound.config().port());
        if (engine == null || engine.getConnector() == null) {
            return true;
        }
        try {
            engine.getConnector().shutdown().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        endpoints.forEach(EndpointImpl::stop);
        endpoints.clear();
        if (json != null) {
            json.destroy();
        }
    }
}
