package org.coconnect.ws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.w3c.dom.Element;

/**
 * The gateway's own work for one send-co, the part the bare CXF endpoint does not do (JMH, one thread): the
 * decrypted payload's limits check, digest, schema validation and binding, then the receive use case (header and
 * lifecycle rules, the message with its evidence and the new CO stored on an H2 file database, the audit record,
 * the commit). Each operation receives a new CO under a new message ID; building that payload (a DOM parsed from
 * text, as WSS4J's decryption leaves it) is done outside the measured time. Its figure is what separates the
 * gateway's server CPU per message from bare CXF's in the end-to-end bench, without that bench's swing.
 */
@State(Scope.Thread)
public class ReceiveBenchmark {

    private static final AdministrationId KR = new AdministrationId("KR", "KCS");
    private static final AdministrationId ID = new AdministrationId("ID", "DJBC");

    /** Goods items in the CO: 10 gives the end-to-end bench's 19 KB message, 100 its 148 KB one. */
    @Param({"10"})
    public int goodsItems;

    private Path dir;
    private Database database;
    private ReceiveMessage receive;
    private Partner partner;
    private byte[] rawEnvelope;
    private long sequence;
    private Element payload;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("receive-bench");
        database = Database.open(DatabaseSettings.h2File(dir.resolve("coconnect")));
        Clock clock = Clock.systemUTC();
        var audit = new AuditLog(database, clock);
        receive = new ReceiveMessage(database, ID, clock, Duration.ofMinutes(5), new Alerts(database, clock, audit),
                new Outgoing(ID, new OutboundPayloadWriter(), clock, audit), audit, ExchangeMetrics.NONE);
        partner = new Partner(new PartnerConfig("KR-KCS", KR, "bench", null, URI.create("https://localhost:1"),
                List.of(Cidr.parse("127.0.0.1/32")), "KR-KCS", new PartnerLimits(4096, 100_000_000, Duration.ofMinutes(1)),
                SecurityProfile.STANDARD), List.of(), List.of(), List.of());
        // Stands in for the signed and encrypted envelope kept as evidence: about 1.6 times the payload, as on the wire.
        rawEnvelope = new byte[(int) (1.6 * OutboundPayloadWriter.text(nextRequest()).length())];
        new Random(18).nextBytes(rawEnvelope);
    }

    @Setup(Level.Invocation)
    public void nextPayload() {
        // Parsed from text, as the receiver's payload is after decryption.
        payload = OutboundPayloadWriter.parse(OutboundPayloadWriter.text(nextRequest()));
    }

    private Element nextRequest() {
        sequence++;
        var header = new MessageHeader(UUID.randomUUID(), KR, ID, Instant.now(), null, MessageHeader.SCHEMA_VERSION);
        Element co = SampleCertificate.create("KR-RECV-" + Thread.currentThread().getId() + "-" + sequence, 1, "KR", "ID",
                goodsItems, Instant.now().minusSeconds(60));
        return RequestBuilder.sendCo(header, co);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One send-co read, validated and durably received, as GatewayEndpoint does after WS-Security. */
    @Benchmark
    public Acknowledgement receiveOneCo() {
        var in = GatewayEndpoint.read(Operation.SEND_CO, PayloadBindings.of(Operation.SEND_CO), partner, payload,
                rawEnvelope, Instant.now());
        Acknowledgement ack = receive.receive(in);
        if (ack.status() != AcknowledgementStatus.ACCEPTED) {
            throw new IllegalStateException("the benchmark CO was answered " + ack.status() + ": " + ack.problems());
        }
        return ack;
    }
}
