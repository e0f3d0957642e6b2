package org.coconnect;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.audit.AuditCheckpointer;
import org.coconnect.audit.AuditCheckpoints;
import org.coconnect.audit.AuditLog;
import org.coconnect.audit.AuditTrail;
import org.coconnect.client.DeliveryWorker;
import org.coconnect.client.PartnerClient;
import org.coconnect.client.PartnerClients;
import org.coconnect.config.GatewayConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.Outbox;
import org.coconnect.exchange.Outgoing;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.monitoring.GatewayMetrics;
import org.coconnect.monitoring.Health;
import org.coconnect.monitoring.HealthCheck;
import org.coconnect.monitoring.WatchedCertificate;
import org.coconnect.monitoring.Watchdog;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.persistence.SharedReplayCache;
import org.coconnect.monitoring.CrlWatch;
import org.coconnect.security.CrlStore;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.security.CertificateChecks;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;
import org.coconnect.security.MessageCrypto;
import org.coconnect.ws.GatewayServer;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.XmlLimits;
import org.coconnect.ws.local.LocalOperations;
import org.coconnect.ws.local.LocalApiServer;
import org.coconnect.ws.portal.VerificationPortal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: the composition root. Every part is built and wired here, once, and nowhere else;
 * the parts do the work. Tests and commands reach the use cases through {@link #useCases()}.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Duration AUDIT_CHAIN_EVERY = Duration.ofSeconds(1);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);
    private static final Duration CRL_EVERY = Duration.ofMinutes(1);

    static {
        // CXF's WS-Security decryption asks javax.xml.stream for a new XMLInputFactory for every encrypted
        // element; without this property each lookup scans every jar's META-INF/services.
        System.getProperties().putIfAbsent("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        // Before CXF's StaxUtils and Santuario's XMLUtils load: decrypted content is then parsed under the payload limits.
        XmlLimits.installDecryptedContentLimits();
    }

    private final GatewayConfig config;
    private final Clock clock;
    private final GatewayKeys keys;
    private final Crypto crypto;
    private final Database database;
    private final AuditLog audit;
    private final AuditTrail auditTrail;
    private final Alerts alerts;
    private final PartnerDirectory partners;
    private final Bus bus;
    private final GatewayMetrics metrics;
    private final Outgoing outgoing;
    private final Outbox outbox;
    private final PartnerClients clients;
    private final DeliveryWorker delivery;
    private final MailChannel mail;
    private final Watchdog watchdog;
    private final HealthCheck healthCheck;
    private final CrlStore crls;
    private final CrlWatch crlWatch;
    private final UseCases useCases;
    private final PeriodicJobs jobs = new PeriodicJobs();
    private boolean closed;
    private GatewayServer server;
    private LocalApiServer local;
    private VerificationPortal portal;
    private LiveConfiguration live;

    private Gateway(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.keys = GatewayKeys.load(config.keystores());
        this.crypto = MessageCrypto.create(keys);
        this.database = Database.open(config.database());
        this.audit = new AuditLog(database, clock);
        this.alerts = new Alerts(database, clock, audit);
        this.mail = MailChannel.create(config, keys, clock, alerts);
        this.auditTrail = new AuditTrail(audit, new AuditCheckpointer(database,
                new AuditCheckpoints(config.audit().checkpointFile()), keys.signingKey(), keys.signingCertificate(),
                clock, config.audit().checkpointInterval()), keys.signingCertificate(), config.allowedClockSkew(),
                failure -> alerts.raiseOnce(Duration.ofHours(1), ErrorCode.AUDIT_CHECKPOINT_FAILED, null, null,
                        "audit-checkpoint", failure));
        this.crls = new CrlStore(config.keystores().own().getParent().resolve("crls"));
        var checks = new CertificateChecks(keys.trust(), crls);
        // Checked in full at start-up; revocation again on every use, against the CRLs held at that moment.
        this.partners = new PartnerDirectory(config.partners(), keys.partners(),
                PartnerCertificateAcceptance.of(checks, config, alerts, clock),
                (partner, cert) -> checks.revocationProblem(cert, clock.instant(), partner.trust().revocation()));
        this.crlWatch = new CrlWatch(crls, alerts, clock);
        this.bus = BusFactory.newInstance().createBus();
        if (database.skipsLockedRows()) {
            // On PostgreSQL several nodes may serve behind one balancer: a replay to another node must be seen too.
            WsSecurityProperties.shareReplayCache(bus, new SharedReplayCache(database.dataSource(), clock,
                    config.timestampTimeToLive().plus(config.allowedClockSkew())));
        }
        this.outgoing = new Outgoing(config.self(), new OutboundPayloadWriter(), clock, audit);
        var d = config.delivery();
        this.metrics = new GatewayMetrics(() -> outbox().backlog(), clock);
        this.outbox = new Outbox(database, d.retrySchedule(), alerts, clock, d.lease(), audit, metrics);
        this.clients = new PartnerClients(bus, config, keys, crypto, partners, CredentialFiles.readOutbound(config.keystores()
                .outboundCredentials()), clock);
        // A node claims no more messages than it can attempt at once: a claim left waiting in a local
        // queue could outlive its lease and be taken over by another node while this one still sends it.
        this.delivery = new DeliveryWorker(outbox, mail.transports(partners, clients)::forPartner,
                config.selfId() + "@" + ProcessHandle.current().pid(), d.parallelism(), d.parallelism());
        // Every configured certificate is watched, also those refused at start-up: an expired one must keep alerting.
        var certificates = WatchedCertificate.of(keys, new PartnerDirectory(config.partners(), keys.partners()));
        var m = config.monitoring();
        this.watchdog = new Watchdog(database, alerts, clock, m, certificates);
        this.healthCheck = new HealthCheck(database.dataSource(), outbox::backlog, clock, m.stuckAfter(), certificates);
        this.useCases = UseCases.of(config, database, partners, outgoing, clients, audit, clock);
    }

    /** Loads keys, opens (and migrates) the database and publishes the endpoints; delivery is started separately. */
    public static Gateway start(GatewayConfig config, Clock clock) {
        var gateway = new Gateway(config, clock);
        try {
            gateway.listen();
            gateway.jobs.every("Watchdog", Duration.ZERO, config.monitoring().watchdogInterval(), gateway.watchdog::runOnce);
            gateway.jobs.every("Audit chaining", AUDIT_CHAIN_EVERY, AUDIT_CHAIN_EVERY, gateway.auditTrail::chainAndCheckpointIfDue);
            gateway.jobs.every("CRL re-read", CRL_EVERY, CRL_EVERY, gateway.crlWatch::pass);
            // Never at start-up: erasing is not urgent, and a pass then would race with what the gateway starts to do.
            gateway.jobs.every("Retention", RETENTION_EVERY, RETENTION_EVERY,
                    () -> LOG.info("Retention pass: {}", gateway.useCases.retention().run()));
            LOG.info("Gateway {} listening on {} for {}", config.selfId(), GatewayServer.baseUrl(config),
                    gateway.partners.all().stream().map(Partner::id).toList());
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** Partners' endpoints, the verify-co lookup, the officers' portal and our own systems' local interface. */
    private void listen() {
        var receive = new ReceiveMessage(database, config.self(), clock, config.allowedClockSkew(), alerts, outgoing, audit, metrics);
        var credentials = new InboundCredentials(CredentialFiles.readInbound(config.keystores().inboundCredentials()), clock);
        server = GatewayServer.start(bus, config, keys, crypto, partners, credentials, receive, alerts, metrics, clock);
        live = LiveConfiguration.of(config, crypto, partners, credentials, clients, server.tls(), crls, alerts, clock);
        mail.startReading(database, outbox, receive, partners, jobs);
        server.publishVerification(bus, useCases.verifyCertificate());
        if (config.verification().portalEnabled()) {
            portal = VerificationPortal.start(config.verification(), keys, config.selfId(), useCases.verifyCertificate(),
                    server.admission());
        }
        if (config.localApi().enabled()) {
            local = LocalApiServer.start(bus, config.localApi(), keys, new LocalOperations(useCases.issueCertificate(),
                    useCases.requestCancellation(), useCases.claimPreference(), useCases.decideTreatment(),
                    useCases.queryCertificates(), outbox, this::health, this::metricsText, alerts,
                    useCases.verifyAtPartner()::verify, new LocalOperations.DeclarationOperations(
                            useCases.exporterRegistry(), useCases.issueDeclaration(), useCases.queryDeclarations()),
                    useCases.verificationInquiries(), useCases.localRecords(audit)), live::reload);
        }
        metrics.watchRequestsInFlight(partners.all().stream().map(Partner::id).toList(), server::requestsInFlight);
        // Until now the partner listener answered 503: every operation is published before any is served.
        server.acceptRequests();
    }

    /** Starts polling the outbox in the background (the first pass is immediate). */
    public Gateway startDelivery() {
        jobs.every("Delivery", Duration.ZERO, config.delivery().pollInterval(), delivery::deliverAllDue);
        return this;
    }

    public UseCases useCases() {
        return useCases;
    }

    /** The officers' page URL, or empty when verification.portal.port is 0. */
    public Optional<String> verificationPortalUrl() {
        return Optional.ofNullable(portal).map(VerificationPortal::url);
    }

    /** The client for one partner, created on first use and then shared. */
    public PartnerClient client(String partnerId) {
        return clients.client(partnerId);
    }

    public AuditLog audit() {
        return audit;
    }

    /** The audit chain's checkpoints and verification. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Delivers everything due now, in the calling thread; for tests and commands that drive time. */
    public int deliverDue() {
        return delivery.deliverAllDue();
    }

    /** The watchdog, for a pass on demand (tests, commands); it also runs by itself every watchdog interval. */
    public Watchdog watchdog() {
        return watchdog;
    }

    /** The CRL re-read and expiry alert, for a pass on demand (tests, commands); it also runs every minute. */
    public CrlWatch crlWatch() {
        return crlWatch;
    }

    /** Every metric in the Prometheus text format, for the metrics endpoint. */
    public String metricsText() {
        return metrics.scrape();
    }

    /** The gateway's health now, for the health endpoint. */
    public Health health() {
        return healthCheck.check();
    }

    /** Reload without a restart (partners, certificates, trust, CRLs, credentials, allowlists, TLS key). */
    public LiveConfiguration configuration() { return live; }

    public GatewayConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public String baseUrl() {
        return GatewayServer.baseUrl(config);
    }

    /**
     * Graceful stop (SIGTERM): new partner connections are refused, requests in flight are answered, delivery
     * claims nothing more and releases its leases, then {@link #close()}. Each wait is bounded by {@code grace}.
     */
    public void stop(Duration grace) {
        if (server != null && !server.drain(grace)) {
            LOG.warn("Requests were still in flight after {}; their connections are closed now", grace);
        }
        delivery.stop(grace);
        close();
        LOG.info("Gateway {} stopped", config.selfId());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Our own systems first: nothing new is accepted while the rest shuts down.
        if (local != null) {
            local.close();
        }
        if (portal != null) {
            portal.close();
        }
        jobs.close();
        mail.close();
        delivery.close();
        if (server != null) {
            server.close();
        }
        bus.shutdown(true);
        metrics.close();
        auditTrail.signFinalCheckpoint();
        database.close();
    }
}
