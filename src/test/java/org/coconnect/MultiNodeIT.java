package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.coconnect.client.PartnerClient;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.LocalApiConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.persistence.CertificateEntity;
import org.coconnect.persistence.Database;
import org.coconnect.support.EmbeddedPostgresServer;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.RequestBuilder;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one administration (KR): separate JVMs with one identity on one PostgreSQL database,
 * listening on two ports as behind a load balancer. The partner (ID) runs in this JVM. Inbound, nothing
 * is stored twice however the partner's messages and retries spread over the nodes; outbound, nothing
 * is lost or delivered twice when a node is killed with SIGKILL halfway. Both tests share the nodes
 * (starting JVMs is the dearest part), so the test that kills one runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    private static final int INBOUND = 2_000;
    private static final int OUTBOUND = 1_000;
    /** The lease is short so that the killed node's claims pass to the surviving node within seconds. */
    private static final Map<String, String> NODE_SETTINGS = Map.of("delivery.lease", "PT10S",
            "delivery.poll-interval", "PT0.5S", "delivery.parallelism", "4");
    /** A guard against a hang, not a performance requirement. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    static Path dir;
    static GatewayConfig nodeA;
    static List<GatewayProcess> nodes = new ArrayList<>();
    static Gateway partnerToA;
    static Gateway partnerToB;
    static Database shared;

    @BeforeAll
    static void start() throws Exception {
        // KR, the nodes' identity, on one database; ID on another.
        List<GatewayConfig> configs = TestGateways.configs(dir, EmbeddedPostgresServer.newDatabase(),
                EmbeddedPostgresServer.newDatabase());
        nodeA = configs.get(0);
        GatewayConfig nodeB = nodeA.withPort(TestGateways.freePort());
        nodes.add(GatewayProcess.launch(dir, "kr-node-a", nodeA, NODE_SETTINGS));
        nodes.add(GatewayProcess.launch(dir, "kr-node-b", nodeB, NODE_SETTINGS));
        partnerToA = TestGateways.start(configs.get(1));
        // The same partner again, configured with the other node's address: its second way in.
        partnerToB = TestGateways.start(configs.get(1).withPort(TestGateways.freePort())
                .withPartners(List.of(TestGateways.partner(TestGateways.KR, nodeB.port())))
                .withLocalApi(new LocalApiConfig("127.0.0.1", 0, null, null)));
        shared = Database.open(nodeA.database());
        for (GatewayProcess node : nodes) {
            node.awaitServing();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (GatewayProcess node : nodes) {
            node.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {shared, partnerToB, partnerToA}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void messagesAndRetriesSpreadOverBothNodesAreStoredOnceAndEveryRepeatIsAnsweredDuplicate() throws Exception {
        Map<String, List<AcknowledgementStatus>> answers = sendWithRetries(
                List.of(partnerToA.client(TestGateways.KR_ID), partnerToB.client(TestGateways.KR_ID)));

        assertEquals(INBOUND, count(shared, "select count(m) from MessageEntity m where m.direction = "
                + "org.coconnect.persistence.MessageEntity.Direction.INBOUND"));
        assertEquals(INBOUND, count(shared, "select count(c) from CertificateEntity c where c.side = 'IMPORT'"));
        assertEquals(INBOUND + INBOUND * 3 / 10, answers.values().stream().mapToInt(List::size).sum());
        answers.forEach((id, statuses) -> {
            long accepted = statuses.stream().filter(s -> s == AcknowledgementStatus.ACCEPTED).count();
            assertTrue(accepted <= 1 && statuses.stream().allMatch(s -> s == AcknowledgementStatus.ACCEPTED
                    || s == AcknowledgementStatus.DUPLICATE), () -> id + " answered " + statuses);
        });
    }

    /**
     * Sends the messages, alternating between the nodes, and a retry of three in ten to the other node
     * at about the same time. Returns every answer by message ID.
     */
    private static Map<String, List<AcknowledgementStatus>> sendWithRetries(List<PartnerClient> nodes) throws Exception {
        var sends = new ArrayList<Callable<Void>>();
        Map<String, List<AcknowledgementStatus>> answers = new ConcurrentHashMap<>();
        Instant issued = Instant.now().minusSeconds(60);
        for (int i = 0; i < INBOUND; i++) {
            PartnerClient first = nodes.get(i % 2);
            UUID messageId = UUID.randomUUID();
            String payload = OutboundPayloadWriter.text(RequestBuilder.sendCo(first.newHeader(messageId, null),
                    SampleCertificate.create("ID-MULTI-" + i, 1, "ID", "KR", 1, issued)));
            answers.put(messageId.toString(), new CopyOnWriteArrayList<>());
            sends.add(send(first, messageId, payload, answers));
            if (i % 10 < 3) {
                sends.add(send(nodes.get((i + 1) % 2), messageId, payload, answers));
            }
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var outcome : pool.invokeAll(sends)) {
                outcome.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    /** One send, repeated as a partner would when no answer comes back; each answer received is kept. */
    private static Callable<Void> send(PartnerClient node, UUID messageId, String payload,
                                       Map<String, List<AcknowledgementStatus>> answers) {
        return () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    // Each send parses its own copy: DOM trees are not safe to share between threads.
                    var ack = node.send(Operation.SEND_CO, OutboundPayloadWriter.parse(payload), messageId);
                    answers.get(messageId.toString()).add(ack.status());
                    return null;
                } catch (RuntimeException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        };
    }

    @Test
    @Order(2)
    void everyOutboundMessageIsDeliveredExactlyOnceWhenANodeIsKilledHalfway() throws Exception {
        List<String> issued = issue(nodeA.withPort(TestGateways.freePort()));

        awaitAtLeast(OUTBOUND / 2, () -> count(partnerToA.database(), "select count(c) from CertificateEntity c"));
        nodes.get(0).kill();
        awaitAtLeast(OUTBOUND, () -> count(shared, "select count(o) from OutboxEntity o where o.status = "
                + "org.coconnect.persistence.OutboxEntity.Status.DELIVERED"));

        List<String> received = partnerToA.database().inTransaction(em -> em.createQuery(
                        "select c from CertificateEntity c", CertificateEntity.class).getResultList())
                .stream().map(CertificateEntity::number).sorted().toList();
        assertEquals(issued.stream().sorted().toList(), received, "every CO arrived, none twice");
    }

    /**
     * Issues the COs through a KR instance in this JVM on the nodes' database: it queues them in the
     * shared outbox but does not deliver, the nodes do. Returns their numbers.
     */
    private static List<String> issue(GatewayConfig issuerConfig) {
        var numbers = new ArrayList<String>();
        try (Gateway issuer = TestGateways.start(issuerConfig.withLocalApi(new LocalApiConfig("127.0.0.1", 0, null, null)))) {
            Instant issuedAt = Instant.now().minusSeconds(60);
            for (int i = 0; i < OUTBOUND; i++) {
                String number = "KR-MULTI-" + i;
                var read = CertificateReader.read(OutboundPayloadWriter.text(
                        SampleCertificate.create(number, 1, "KR", "ID", 1, issuedAt)));
                issuer.useCases().issueCertificate().issue(read.certificate(), read.xml());
                numbers.add(number);
            }
        }
        return numbers;
    }

    private static long count(Database database, String query) {
        return database.inTransaction(em -> em.createQuery(query, Long.class).getSingleResult());
    }

    private static void awaitAtLeast(long expected, LongSupplier actual) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        long seen;
        while ((seen = actual.getAsLong()) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still " + seen + " of " + expected + " after " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
