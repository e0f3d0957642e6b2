package org.coconnect;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.ws.GatewayServer;
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
    private final GatewayServer server;
    private final Clock clock;
    private final Map<String, PartnerClient> clients = new ConcurrentHashMap<>();

    private Gateway(GatewayConfig config, GatewayKeys keys, Crypto crypto, PartnerDirectory partners, Database database,
                    Bus bus, GatewayServer server, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.crypto = crypto;
        this.partners = partners;
        this.database = database;
        this.bus = bus;
        this.server = server;
        this.clock = clock;
    }

    /** Loads keys, opens (and migrates) the database and publishes the endpoints. */
    public static Gateway start(GatewayConfig config, Clock clock) {
        GatewayKeys keys = GatewayKeys.load(config.keystores());
        Crypto crypto = MessageCrypto.create(keys);
        var partners = new PartnerDirectory(config.partners(), keys.partners());
        Database database = Database.open(config.database());
        Bus bus = BusFactory.newInstance().createBus();
        try {
            var alerts = new Alerts(database, clock);
            var receive = new ReceiveMessage(database, config.self(), clock, config.allowedClockSkew(), alerts);
            GatewayServer server = GatewayServer.start(bus, config, keys, crypto, partners, receive, alerts, clock);
            LOG.info("Gateway {} listening on {} for {}", config.selfId(), GatewayServer.baseUrl(config),
                    partners.all().stream().map(Partner::id).toList());
            return new Gateway(config, keys, crypto, partners, database, bus, server, clock);
        } catch (RuntimeException e) {
            bus.shutdown(true);
            database.close();
            throw e;
        }
    }

    /** The client for one partner, created on first use and then shared. */
    public PartnerClient client(String partnerId) {
        return clients.computeIfAbsent(partnerId, id -> new PartnerClient(bus, config, keys, crypto,
                partners.byId(id).orElseThrow(() -> new IllegalArgumentException("no partner " + id)), clock));
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
        server.close();
        bus.shutdown(true);
        database.close();
    }
}
