package org.coconnect;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.client.DeliveryWorker;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ClaimPreference;
import org.coconnect.exchange.DecideTreatment;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.Outbox;
import org.coconnect.exchange.Outgoing;
import org.coconnect.exchange.QueryCertificates;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.exchange.RequestCancellation;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.ws.GatewayServer;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.local.LocalOperations;
import org.coconnect.ws.local.LocalServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running gateway: all its parts, wired together here and nowhere else. */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final GatewayKeys keys;
    private final Crypto crypto;
    private final PartnerDirectory partners;
    private final Database database;
    private final Bus bus;
    private final Clock clock;
    private final Map<String, PartnerClient> clients = new ConcurrentHashMap<>();
    private final Alerts alerts;
    private final Outgoing outgoing;
    private final Outbox outbox;
    private final DeliveryWorker delivery;
    private GatewayServer server;
    private LocalServer local;

    private Gateway(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.keys = GatewayKeys.load(config.keystores());
        this.crypto = MessageCrypto.create(keys);
        this.partners = new PartnerDirectory(config.partners(), keys.partners());
        this.database = Database.open(config.database());
        this.bus = BusFactory.newInstance().createBus();
        this.alerts = new Alerts(database, clock);
        this.outgoing = new Outgoing(config.self(), new OutboundPayloadWriter(), clock);
        var d = config.delivery();
        this.outbox = new Outbox(database, d.retrySchedule(), alerts, clock, d.lease());
        this.delivery = new DeliveryWorker(outbox, this::client, config.selfId() + "@" + ProcessHandle.current().pid(),
                d.parallelism(), 32);
    }

    /** Loads keys, opens (and migrates) the database and publishes the endpoints; delivery is started separately. */
    public static Gateway start(GatewayConfig config, Clock clock) {
        var gateway = new Gateway(config, clock);
        try {
            var receive = new ReceiveMessage(gateway.database, config.self(), clock, config.allowedClockSkew(),
                    gateway.alerts, gateway.outgoing);
            gateway.server = GatewayServer.start(gateway.bus, config, gateway.keys, gateway.crypto, gateway.partners,
                    receive, gateway.alerts, clock);
            LOG.info("Gateway {} listening on {} for {}", config.selfId(), GatewayServer.baseUrl(config),
                    gateway.partners.all().stream().map(Partner::id).toList());
            if (config.localApi().enabled()) {
                gateway.local = LocalServer.start(config.localApi(), new LocalOperations(gateway.issueCertificate(),
                        gateway.requestCancellation(), gateway.claimPreference(), gateway.decideTreatment(),
                        gateway.queryCertificates(), gateway.outbox));
            }
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** Starts polling the outbox in the background (the first pass is immediate). */
    public Gateway startDelivery() {
        delivery.start(config.delivery().pollInterval());
        return this;
    }

    /** The client for one partner, created on first use and then shared. */
    public PartnerClient client(String partnerId) {
        return clients.computeIfAbsent(partnerId, id -> new PartnerClient(bus, config, keys, crypto,
                partners.byId(id).orElseThrow(() -> new IllegalArgumentException("no partner " + id)), clock));
    }

    public IssueCertificate issueCertificate() {
        return new IssueCertificate(database, config.self(), partners, outgoing, clock);
    }

    public RequestCancellation requestCancellation() {
        return new RequestCancellation(database, partners, outgoing, clock);
    }

    public ClaimPreference claimPreference() {
        return new ClaimPreference(database, clock);
    }

    public DecideTreatment decideTreatment() {
        return new DecideTreatment(database, partners, outgoing, clock);
    }

    public QueryCertificates queryCertificates() {
        return new QueryCertificates(database);
    }

    /** One CO version held on one side ("EXPORT" or "IMPORT"). */
    public java.util.Optional<org.coconnect.persistence.CertificateEntity> certificates(String side,
            org.coconnect.domain.CertificateReference ref) {
        return queryCertificates().find(side, ref);
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Delivers everything due now, in the calling thread; for tests and commands that drive time. */
    public int deliverDue() {
        return delivery.deliverAllDue();
    }

    public GatewayConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public String baseUrl() {
        return GatewayServer.baseUrl(config);
    }

    @Override
    public void close() {
        // Our own systems first: nothing new is accepted while the rest shuts down.
        if (local != null) {
            local.close();
        }
        delivery.close();
        if (server != null) {
            server.close();
        }
        bus.shutdown(true);
        database.close();
    }
}
