package org.coconnect.ws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.Cidr;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.config.PartnerConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.Operation;
import org.coconnect.exchange.Alerts;
import org.coconnect.exchange.ExchangeMetrics;
import org.coconnect.exchange.Outgoing;
import org.coconnect.exchange.ReceiveMessage;
import org.coconnect.partner.Partner;
import org.coconnect.persistence.Database;
import org.apache.xml.security.parser.XMLParserException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.w3c.dom.Element;

/**
 * The gateway's own work for one send-co, the part the bare CXF endpoint does not do (JMH): the decrypted payload's
 * limits check, digest, schema validation and binding, then the receive use case (header and lifecycle rules, the
 * message with its evidence and the new CO stored on an H2 file database, the audit record, the commit). Each
 * operation receives a new CO under a new message ID, parsed from text as WSS4J's decryption leaves a payload, outside
 * the measured time. Besides JMH's time per operation, each iteration prints the CPU time the receives themselves
 * took (waiting for a lock or the disk costs none), which is what the end-to-end bench's server CPU per message
 * compares. With {@code --threads 8} it shows what eight receives at once on two cores cost each; {@code -p permits=N}
 * lets only N of them run the gated steps at a time ({@code gateScope}: {@code all}, {@code read}, the CPU-only
 * steps before the database, or {@code store}, the receive use case with its transaction).
 */
@State(Scope.Thread)
public class ReceiveBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LongAdder CPU_NANOS = new LongAdder();
    private static final LongAdder RECEIVES = new LongAdder();
    private static final DecryptedContentParser DECRYPTED_CONTENT = new DecryptedContentParser();
    private static final AdministrationId KR = new AdministrationId("KR", "KCS");
    private static final AdministrationId ID = new AdministrationId("ID", "DJBC");

    /** Goods items in the CO: 10 gives the end-to-end bench's 19 KB message, 100 its 148 KB one. */
    @Param({"10"})
    public int goodsItems;

    /** Receives allowed in the gated steps at once; 0: no gate. */
    @Param({"0"})
    public int permits;

    /**
     * What the gate covers: {@code all}, {@code read} (limits, digest, validation, binding: CPU only) or {@code store}
     * (the receive use case: rules and the database transaction).
     */
    @Param({"all"})
    public String gateScope;

    /** Appended to the H2 URL, to measure a database setting (e.g. {@code ;MAX_LENGTH_INPLACE_LOB=131072}). */
    @Param({""})
    public String h2;

    private static Semaphore gate;

    private Path dir;
    private Database database;
    private ReceiveMessage receive;
    private Partner partner;
    private byte[] rawEnvelope;
    private String template;
    private String templateKey;
    private Element payload;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("receive-bench");
        var h2File = DatabaseSettings.h2File(dir.resolve("coconnect"));
        database = Database.open(new DatabaseSettings(h2File.jdbcUrl() + h2, h2File.user(), h2File.password(), 10));
        Clock clock = Clock.systemUTC();
        var audit = new AuditLog(database, clock);
        receive = new ReceiveMessage(database, ID, clock, Duration.ofMinutes(5), new Alerts(database, clock, audit),
                new Outgoing(ID, new OutboundPayloadWriter(), clock, audit), audit, ExchangeMetrics.NONE);
        partner = new Partner(new PartnerConfig("KR-KCS", KR, "bench", null, URI.create("https://localhost:1"),
                List.of(Cidr.parse("127.0.0.1/32")), "KR-KCS", new PartnerLimits(4096, 100_000_000, Duration.ofMinutes(1)),
                SecurityProfile.STANDARD), List.of(), List.of(), List.of());
        synchronized (ReceiveBenchmark.class) {
            // One gate for all threads (each runs this setup; a trial is a JVM of its own).
            if (gate == null && permits > 0) {
                gate = new Semaphore(permits, true);
            }
        }
        templateKey = UUID.randomUUID().toString();
        var header = new MessageHeader(UUID.fromString(templateKey), KR, ID, Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        template = OutboundPayloadWriter.text(RequestBuilder.sendCo(header, SampleCertificate.create("KR-RECV-" + templateKey,
                1, "KR", "ID", goodsItems, Instant.now().minusSeconds(60))));
        if (template.split(templateKey, -1).length != 3) {
            throw new IllegalStateException("the template should name its message ID once and its CO number once");
        }
        // Stands in for the signed and encrypted envelope kept as evidence: about 1.6 times the payload, as on the wire.
        rawEnvelope = new byte[(int) (1.6 * template.length())];
        new Random(18).nextBytes(rawEnvelope);
    }

    /**
     * A new message ID and CO number in the template (cheap, so the threads' setup hardly competes with the receives),
     * parsed by the parser WSS4J's decryption uses in the gateway (a DOM built from Woodstox, not a deferred one).
     */
    @Setup(Level.Invocation)
    public void nextPayload() throws XMLParserException {
        byte[] text = template.replace(templateKey, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
        payload = DECRYPTED_CONTENT.parse(new ByteArrayInputStream(text), true).getDocumentElement();
    }

    /** One send-co read, validated and durably received, as GatewayEndpoint does after WS-Security. */
    @Benchmark
    public Acknowledgement receiveOneCo() {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        try {
            return gated("all", this::receive);
        } finally {
            CPU_NANOS.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            RECEIVES.increment();
        }
    }

    private Acknowledgement receive() {
        var in = gated("read", () -> GatewayEndpoint.read(Operation.SEND_CO, PayloadBindings.of(Operation.SEND_CO),
                partner, payload, rawEnvelope, Instant.now()));
        Acknowledgement ack = gated("store", () -> receive.receive(in));
        if (ack.status() != AcknowledgementStatus.ACCEPTED) {
            throw new IllegalStateException("the benchmark CO was answered " + ack.status() + ": " + ack.problems());
        }
        return ack;
    }

    private <T> T gated(String scope, Supplier<T> step) {
        if (gate == null || !gateScope.equals(scope)) {
            return step.get();
        }
        gate.acquireUninterruptibly();
        try {
            return step.get();
        } finally {
            gate.release();
        }
    }

    /** The receives' own CPU time per receive in this iteration, all threads together. */
    @TearDown(Level.Iteration)
    public void reportCpu() {
        long receives = RECEIVES.sumThenReset();
        long nanos = CPU_NANOS.sumThenReset();
        if (receives > 0) {
            System.out.printf("  [receive CPU %.3f ms/op over %d receives]%n", nanos / 1e6 / receives, receives);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
