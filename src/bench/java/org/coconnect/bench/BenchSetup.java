package org.coconnect.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.coconnect.Gateway;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;

/**
 * What a benchmark run talks to: the two gateways, the bare endpoint, and one KR client for each
 * target, built the same way on a bus of their own so that both targets see the same client.
 */
final class BenchSetup implements AutoCloseable {

    private final GatewayConfig krConfig;
    private final GatewayConfig idConfig;
    private final Bus clientBus = BusFactory.newInstance().createBus();
    private Gateway kr;
    private Gateway id;
    private BareEndpoint.Server bare;
    private PartnerClient gatewayClient;
    private PartnerClient bareClient;
    private ServerCpu gatewayCpu;
    private ServerCpu bareCpu;

    private BenchSetup(List<GatewayConfig> configs) {
        this.krConfig = configs.get(0);
        this.idConfig = configs.get(1);
    }

    /** Starts KR and ID (and the bare endpoint when asked) with fresh databases under runDir. */
    static BenchSetup start(Path pki, Path runDir, BenchGateways.Databases databases, int deliveryParallelism,
                            boolean withBare) {
        var setup = new BenchSetup(BenchGateways.configs(pki, runDir, databases, deliveryParallelism));
        try {
            setup.kr = Gateway.start(setup.krConfig, Clock.systemUTC());
            setup.id = Gateway.start(setup.idConfig, Clock.systemUTC());
            setup.gatewayClient = setup.client(setup.krConfig);
            setup.gatewayCpu = ServerCpu.ofPort(setup.idConfig.port());
            if (withBare) {
                int port = BenchGateways.freePort();
                setup.bare = BareEndpoint.Server.start(setup.idConfig.withPort(port));
                setup.bareClient = setup.client(BenchGateways.pointedAt(setup.krConfig, port));
                setup.bareCpu = ServerCpu.ofPort(port);
            }
            return setup;
        } catch (RuntimeException e) {
            setup.close();
            throw e;
        }
    }

    private PartnerClient client(GatewayConfig config) {
        return clientOf(clientBus, config);
    }

    /** KR's production client for ID, as the gateway itself would build it, on the given bus. */
    static PartnerClient clientOf(Bus clientBus, GatewayConfig config) {
        var keys = GatewayKeys.load(config.keystores());
        var partner = new PartnerDirectory(config.partners(), keys.partners()).byId(BenchGateways.ID_PARTNER)
                .orElseThrow();
        var login = CredentialFiles.readOutbound(config.keystores().outboundCredentials()).get(BenchGateways.ID_PARTNER);
        return new PartnerClient(clientBus, config, keys, MessageCrypto.create(keys), partner, login, Clock.systemUTC());
    }

    PartnerClient gatewayClient() {
        return gatewayClient;
    }

    PartnerClient bareClient() {
        return bareClient;
    }

    /** The receiving gateway's (ID's) request threads. */
    ServerCpu gatewayCpu() {
        return gatewayCpu;
    }

    /** The bare endpoint's request threads, or null without it. */
    ServerCpu bareCpu() {
        return bareCpu;
    }

    Gateway kr() {
        return kr;
    }

    Gateway id() {
        return id;
    }

    /** Takes the importing gateway down, as in a partner outage. */
    void stopId() {
        id.close();
        id = null;
    }

    /** Brings the importing gateway back on the same port and database. */
    void startId() {
        id = Gateway.start(idConfig, Clock.systemUTC());
    }

    @Override
    public void close() {
        if (bare != null) {
            bare.close();
        }
        if (id != null) {
            id.close();
        }
        if (kr != null) {
            kr.close();
        }
        clientBus.shutdown(true);
    }
}
