package org.coconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.exchange.Outbox;
import org.coconnect.persistence.OutboxEntity;
import org.coconnect.support.MutableClock;
import org.coconnect.support.TestDatabase;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.CertificateReader;
import org.coconnect.ws.OutboundPayloadWriter;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox lease that lets several nodes share one database: one node delivers a message at a time,
 * and a dead node's claims expire into another node's hands. The partner is not running: only claims
 * are exercised, on a clock the test moves.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class OutboxClaimIT {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;
    MutableClock clock;
    Gateway kr;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.now());
        kr = Gateway.start(TestGateways.configs(dir, database).get(0), clock);
    }

    @AfterEach
    void stop() {
        kr.close();
    }

    private void issue(int count) {
        for (int i = 0; i < count; i++) {
            var read = CertificateReader.read(OutboundPayloadWriter.text(SampleCertificate.create(
                    "KR-CLAIM-" + i, 1, "KR", "ID", 1, clock.instant().minusSeconds(30))));
            kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        }
    }

    @Test
    void twoNodesClaimingAtOnceNeverHoldTheSameMessage() throws Exception {
        issue(40);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> nodes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                nodes.add(pool.submit(() -> {
                    start.await();
                    return claimUntilNoneLeft(node);
                }));
            }
            start.countDown();
            Set<String> claimed = new HashSet<>();
            int claims = 0;
            for (Future<List<String>> node : nodes) {
                claimed.addAll(node.get());
                claims += node.get().size();
            }
            assertEquals(40, claimed.size(), "every due message is claimed");
            assertEquals(40, claims, "and by one node only");
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> claimUntilNoneLeft(String node) {
        var ids = new ArrayList<String>();
        List<Outbox.Delivery> batch;
        do {
            batch = kr.outbox().claimDue(node, 3);
            batch.forEach(d -> ids.add(d.messageId()));
        } while (!batch.isEmpty());
        return ids;
    }

    @Test
    void aLiveLeaseKeepsOtherNodesOffTheMessage() {
        issue(1);
        assertEquals(1, kr.outbox().claimDue("node-a", 10).size());
        clock.advance(LEASE.minusSeconds(1));

        assertTrue(kr.outbox().claimDue("node-b", 10).isEmpty());
    }

    @Test
    void anExpiredLeaseLetsAnotherNodeTakeTheMessageOver() {
        issue(1);
        var first = kr.outbox().claimDue("node-a", 10);      // node-a dies here, its claim never released
        clock.advance(LEASE.plusSeconds(1));

        var takenOver = kr.outbox().claimDue("node-b", 10);
        assertEquals(first.get(0).messageId(), takenOver.get(0).messageId());
    }

    @Test
    void aLateFailureFromAnExpiredLeaseDoesNotUndoTheDeliveryAnotherNodeRecorded() {
        issue(1);
        Outbox.Delivery slow = kr.outbox().claimDue("node-a", 10).get(0);
        clock.advance(LEASE.plusSeconds(1));
        Outbox.Delivery takeover = kr.outbox().claimDue("node-b", 10).get(0);
        kr.outbox().recordAnswer(takeover, Acknowledgement.accepted(UUID.fromString(takeover.messageId()),
                clock.instant(), new byte[32], List.of()));

        kr.outbox().recordFailure(slow, "Read timed out");
        assertEquals(OutboxEntity.Status.DELIVERED, kr.outbox().byMessageId(slow.messageId()).orElseThrow().status());
    }

    @Test
    void aStoppingNodeGivesItsLeasesBackSoAnotherNodeTakesThemAtOnce() {
        issue(3);
        Outbox outbox = kr.outbox();
        assertEquals(3, outbox.claimDue("node-a", 10).size());
        assertEquals(0, outbox.claimDue("node-b", 10).size(), "node-a's leases hold");

        assertEquals(3, outbox.releaseClaims("node-a"), "graceful stop of node-a");
        assertEquals(3, outbox.claimDue("node-b", 10).size(), "taken over without waiting for the lease to run out");
        assertEquals(0, outbox.releaseClaims("node-a"), "node-a releases only its own leases");
        assertEquals(0, outbox.claimDue("node-c", 10).size(), "node-b's leases still hold");
    }
}
