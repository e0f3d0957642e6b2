package org.coconnect;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.audit.AuditLog;
import org.coconnect.client.DeliveryWorker;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ClaimPreference;
import org.coconnect.exchange.DecideTreatment;
import org.coconnect.exchange.EraseExpiredContent;
import org.coconnect.exchange.IssueCertificate;
import org.coconnect.exchange.Outbox;
import org.coconnect.exchange.Outgoing;
import org.coconnect.exchange.QueryCertificates;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.exchange.RequestCancellation;
import org.coconnect.exchange.VerificationInquiries;
import org.coconnect.monitoring.GatewayMetrics;
import org.coconnect.monitoring.Health;
import org.coconnect.monitoring.HealthCheck;
import org.coconnect.monitoring.WatchedCertificate;
import org.coconnect.monitoring.Watchdog;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.persistence.Database;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.CertificateChecks;
import org.coconnect.security.CertificateFactoryBc;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.Crls;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;
import org.coconnect.security.MessageCrypto;
import org.coconnect.exchange.VerifyCertificate;
import org.coconnect.ws.GatewayServer;
import org.coconnect.ws.LookupRateLimiter;
import org.coconnect.ws.portal.VerificationPortal;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.local.LocalOperations;
import org.coconnect.ws.local.LocalServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running gateway: all its parts, wired together here and nowhere else. */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    static {
        // CXF's WS-Security decryption asks javax.xml.stream for a new XMLInputFactory for every encrypted
        // element; without this property each lookup scans every jar's META-INF/services.
        System.getProperties().putIfAbsent("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        org.coconnect.ws.XmlLimits.installDecryptedContentParser();
    }

    private final GatewayConfig config;
    private final GatewayKeys keys;
    private final Crypto crypto;
    private final PartnerDirectory partners;
    private final Database database;
    private final Bus bus;
    private final Clock clock;
    private final Map<String, PartnerClient> clients = new ConcurrentHashMap<>();
    private final Map<String, CredentialFiles.Login> outboundLogins;
    private final Alerts alerts;
    private final AuditLog audit;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ScheduledExecutorService background =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "coconnect-audit-chainer");
                t.setDaemon(true);
                return t;
            });
    private final Outgoing outgoing;
    private final Outbox outbox;
    private final DeliveryWorker delivery;
    private final GatewayMetrics metrics;
    private final Watchdog watchdog;
    private final HealthCheck healthCheck;
    private GatewayServer server;
    private LocalServer local;
    private VerificationPortal portal;

    private Gateway(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.keys = GatewayKeys.load(config.keystores());
        this.crypto = MessageCrypto.create(keys);
        this.database = Database.open(config.database());
        this.audit = new AuditLog(database, clock);
        this.alerts = new Alerts(database, clock, audit);
        this.partners = new PartnerDirectory(config.partners(), keys.partners(), acceptance(keys, config, alerts, clock));
        this.outboundLogins = CredentialFiles.readOutbound(config.keystores().outboundCredentials());
        this.bus = BusFactory.newInstance().createBus();
        this.outgoing = new Outgoing(config.self(), new OutboundPayloadWriter(), clock);
        var d = config.delivery();
        this.metrics = new GatewayMetrics(() -> outbox().backlog(), clock);
        this.outbox = new Outbox(database, d.retrySchedule(), alerts, clock, d.lease(), audit, metrics);
        // A node claims no more messages than it can attempt at once: a claim left waiting in a local
        // queue could outlive its lease and be taken over by another node while this one still sends it.
        this.delivery = new DeliveryWorker(outbox, this::client, config.selfId() + "@" + ProcessHandle.current().pid(),
                d.parallelism(), d.parallelism());
        // Every configured certificate is watched, also those refused at start-up: an expired one must keep alerting.
        var certificates = WatchedCertificate.of(keys, new PartnerDirectory(config.partners(), keys.partners()));
        var m = config.monitoring();
        this.watchdog = new Watchdog(database, alerts, clock, m, certificates);
        this.healthCheck = new HealthCheck(database.dataSource(), outbox::backlog, clock, m.stuckAfter(), certificates);
    }

    /** Partner certificates are checked once at start-up; each one refused is logged and raises an alert. */
    private static PartnerDirectory.CertificateAcceptance acceptance(GatewayKeys keys, GatewayConfig config, Alerts alerts,
                                                                     Clock clock) {
        var checks = new CertificateChecks(keys.trust(), Crls.load(config.keystores().own().getParent().resolve("crls")));
        return (partnerId, cert, role) -> {
            var purpose = switch (role) {
                case SIGNING -> CertificateFactoryBc.Purpose.SIGNING;
                case ENCRYPTION -> CertificateFactoryBc.Purpose.ENCRYPTION;
                case TLS -> CertificateFactoryBc.Purpose.TLS;
            };
            var problems = checks.check(cert, purpose, clock.instant());
            if (!problems.isEmpty()) {
                alerts.raise(ErrorCode.CERTIFICATE_NOT_TRUSTED, partnerId, null, role.aliasSegment() + " certificate "
                        + cert.getSubjectX500Principal() + " serial " + cert.getSerialNumber().toString(16)
                        + " is not used: " + String.join("; ", problems));
            }
            return problems;
        };
    }

    /** Loads keys, opens (and migrates) the database and publishes the endpoints; delivery is started separately. */
    public static Gateway start(GatewayConfig config, Clock clock) {
        var gateway = new Gateway(config, clock);
        try {
            var receive = new ReceiveMessage(gateway.database, config.self(), clock, config.allowedClockSkew(),
                    gateway.alerts, gateway.outgoing, gateway.audit, gateway.metrics);
            var credentials = new InboundCredentials(CredentialFiles.readInbound(config.keystores().inboundCredentials()), clock);
            gateway.server = GatewayServer.start(gateway.bus, config, gateway.keys, gateway.crypto, gateway.partners,
                    credentials, receive, gateway.alerts, gateway.metrics, clock);
            gateway.startVerification();
            gateway.metrics.watchRequestsInFlight(gateway.partners.all().stream().map(Partner::id).toList(),
                    gateway.server::requestsInFlight);
            gateway.server.acceptRequests();
            gateway.background.scheduleWithFixedDelay(gateway::chainAuditQuietly, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            gateway.background.scheduleWithFixedDelay(gateway::eraseExpiredQuietly, 1, 60 * 60,
                    java.util.concurrent.TimeUnit.SECONDS);
            gateway.watchdog.start();
            LOG.info("Gateway {} listening on {} for {}", config.selfId(), GatewayServer.baseUrl(config),
                    gateway.partners.all().stream().map(Partner::id).toList());
            if (config.localApi().enabled()) {
                gateway.local = LocalServer.start(config.localApi(), new LocalOperations(gateway.issueCertificate(),
                        gateway.requestCancellation(), gateway.claimPreference(), gateway.decideTreatment(),
                        gateway.queryCertificates(), gateway.outbox, gateway::health, gateway::metricsText,
                        gateway.alerts, gateway::verifyAtPartner, new LocalOperations.DeclarationOperations(gateway.exporterRegistry(),
                                gateway.issueDeclaration(), gateway.queryDeclarations()),
                        gateway.verificationInquiries()));
            }
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** Annex III: the verify-co operation for partners and, when configured, the officers' portal. */
    private void startVerification() {
        var limiter = new LookupRateLimiter(config.verification(), clock);
        server.publishVerification(bus, verifyCertificate(), limiter);
        if (config.verification().portalEnabled()) {
            portal = VerificationPortal.start(config.verification(), keys, config.selfId(), verifyCertificate(), limiter);
        }
    }

    public VerifyCertificate verifyCertificate() {
        return new VerifyCertificate(database, config.self().countryCode(), audit);
    }

    /** The officers' page URL, or empty when verification.portal.port is 0. */
    public java.util.Optional<String> verificationPortalUrl() {
        return java.util.Optional.ofNullable(portal).map(VerificationPortal::url);
    }

    /** Asks the gateway of the CO's issuing country (Annex III, A.53) through its verify-co operation. */
    public java.util.Optional<org.coconnect.domain.CertificateVerification> verifyAtPartner(String issuingCountry,
            String number, String referenceCode) {
        Partner partner = partners.all().stream()
                .filter(p -> p.administration().countryCode().equals(issuingCountry)).findFirst()
                .orElseThrow(() -> new org.coconnect.exchange.RejectionException(org.coconnect.domain.Problem.error(
                        ErrorCode.NO_PARTNER_FOR_COUNTRY, "No partner is configured for issuing country "
                                + issuingCountry + ".", "$.issuingCountry")));
        try {
            return client(partner.id()).verify(issuingCountry, number, referenceCode);
        } catch (org.coconnect.client.DeliveryException e) {
            LOG.warn("verify-co at {} failed: {}", partner.id(), e.getMessage());
            throw new org.coconnect.ws.local.PartnerLookup.Failed(e.getMessage());
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
                partners.byId(id).orElseThrow(() -> new IllegalArgumentException("no partner " + id)),
                outboundLogins.get(id), clock));
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

    public org.coconnect.exchange.ExporterRegistry exporterRegistry() {
        return new org.coconnect.exchange.ExporterRegistry(database, config.self(), partners, outgoing, clock);
    }

    public org.coconnect.exchange.IssueDeclaration issueDeclaration() {
        return new org.coconnect.exchange.IssueDeclaration(database, config.self(), partners, outgoing, clock);
    }

    public org.coconnect.exchange.QueryDeclarations queryDeclarations() {
        return new org.coconnect.exchange.QueryDeclarations(database);
    }

    /** Verification inquiries between officials: ask, answer, list, read. */
    public VerificationInquiries verificationInquiries() {
        return new VerificationInquiries(database, partners, outgoing, clock);
    }

    public QueryCertificates queryCertificates() {
        return new QueryCertificates(database);
    }

    /** One CO version held on one side ("EXPORT" or "IMPORT"). */
    public java.util.Optional<org.coconnect.persistence.CertificateEntity> certificates(String side,
            org.coconnect.domain.CertificateReference ref) {
        return queryCertificates().find(side, ref);
    }

    public AuditLog audit() {
        return audit;
    }

    private void eraseExpiredQuietly() {
        try {
            var erased = retention().run();
            LOG.info("Retention pass: {}", erased);
        } catch (RuntimeException e) {
            LOG.error("Retention pass failed; the next pass retries", e);
        }
    }

    private void chainAuditQuietly() {
        try {
            audit.chain();
        } catch (RuntimeException e) {
            LOG.error("Audit chaining failed; the next pass retries", e);
        }
    }

    public EraseExpiredContent retention() {
        return new EraseExpiredContent(database, config.retention(), audit, clock);
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

    /** Every metric in the Prometheus text format, for the metrics endpoint. */
    public String metricsText() {
        return metrics.scrape();
    }

    /** The gateway's health now, for the health endpoint. */
    public Health health() {
        return healthCheck.check();
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
        if (closed.getAndSet(true)) {
            return;
        }
        // Our own systems first: nothing new is accepted while the rest shuts down.
        if (local != null) {
            local.close();
        }
        if (portal != null) {
            portal.close();
        }
        watchdog.close();
        background.shutdownNow();
        try {
            // A chaining pass in flight finishes before the database closes under it.
            background.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.close();
        if (server != null) {
            server.close();
        }
        bus.shutdown(true);
        metrics.close();
        database.close();
    }
}
