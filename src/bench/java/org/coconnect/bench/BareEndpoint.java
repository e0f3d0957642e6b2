package org.coconnect.bench;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.ws.Contract;
import org.coconnect.ws.GatewayEndpoint;
import org.coconnect.ws.PayloadDigest;
import org.coconnect.ws.GatewayServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The yardstick: send-co published by plain CXF with the same WSDL, policy, keys, TLS and security
 * settings as the gateway, answering with an acknowledgement of the same shape, but with no payload
 * validation, no raw-envelope capture and no persistence. What the gateway adds is the difference.
 */
@WebServiceProvider(serviceName = "CoConnectService", targetNamespace = Contract.WSDL_NAMESPACE,
        portName = "send-co", wsdlLocation = Contract.WSDL_RESOURCE)
@ServiceMode(Service.Mode.PAYLOAD)
final class BareEndpoint implements Provider<DOMSource> {

    private final GatewayConfig config;

    private BareEndpoint(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Element payload = request.getNode() instanceof Document d ? d.getDocumentElement() : (Element) request.getNode();
        // The client checks that the answer names its message, so this much reading is unavoidable.
        String id = payload.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "MessageId").item(0).getTextContent();
        Instant now = Instant.now();
        // The real digest: senders refuse an acknowledgement of another payload's digest as no delivery.
        var ack = Acknowledgement.accepted(UUID.fromString(id.trim()), now, PayloadDigest.of(payload).sha256(), List.of());
        var header = new MessageHeader(UUID.randomUUID(), config.self(), BenchGateways.KR, now, ack.receivedMessageId(),
                MessageHeader.SCHEMA_VERSION);
        return GatewayEndpoint.acknowledgement(Operation.SEND_CO, header, ack);
    }

    /** A running bare endpoint on its own bus and port, with the server gateway's configuration. */
    static final class Server implements AutoCloseable {
        private final Bus bus;
        private final EndpointImpl endpoint;

        private Server(Bus bus, EndpointImpl endpoint) {
            this.bus = bus;
            this.endpoint = endpoint;
        }

        static Server start(GatewayConfig serverConfig) {
            var keys = GatewayKeys.load(serverConfig.keystores());
            var crypto = MessageCrypto.create(keys);
            var partners = new PartnerDirectory(serverConfig.partners(), keys.partners());
            Bus bus = BusFactory.newInstance().createBus();
            GatewayServer.configureTls(bus, serverConfig, keys, partners);
            var endpoint = new EndpointImpl(bus, new BareEndpoint(serverConfig));
            endpoint.setWsdlLocation(Contract.WSDL_RESOURCE);
            endpoint.setServiceName(Contract.SERVICE);
            endpoint.setEndpointName(Contract.port(Operation.SEND_CO));
            var properties = new HashMap<>(WsSecurityProperties.server(keys, crypto,
                    serverConfig.timestampTimeToLive(), serverConfig.allowedClockSkew()));
            // Its one client is KR: answer for KR's encryption certificate, as the gateway does once it knows the partner.
            WsSecurityProperties.encryptAnswerFor(properties, partners.byAdministration(BenchGateways.KR).orElseThrow()
                    .encryptionCertificate());
            endpoint.setProperties(properties);
            endpoint.publish(GatewayServer.baseUrl(serverConfig) + "/" + Operation.SEND_CO.pathName());
            return new Server(bus, endpoint);
        }

        @Override
        public void close() {
            endpoint.stop();
            bus.shutdown(true);
        }
    }
}
