package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.config.ListenerLimits;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.AdministrationId;
import org.coconnect.security.DemoPki;
import org.coconnect.support.GatewayProcess;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: ID runs in its own JVM with 512 MB of heap; KR floods it with maximal (16 MB) envelopes
 * from many connections at once while a third administration, TH, sends its ordinary messages. TH must
 * be served throughout, the gateway must not run out of memory, and KR must be served once it stops.
 */
class PartnerFloodIT {

    private static final AdministrationId TH = new AdministrationId("TH", "TCD");
    private static final int FLOODERS = 6;
    private static final int FLOOD_REQUESTS = 60;
    private static final int TH_MESSAGES = 5;

    @TempDir
    Path dir;

    @Test
    void onePartnersFloodOfMaximalEnvelopesNeitherStarvesAnotherNorExhaustsMemory() throws Exception {
        int idPort = TestGateways.freePort();
        int krPort = TestGateways.freePort();
        int thPort = TestGateways.freePort();
        GatewayConfig id = withOwnKeys(TestGateways.config(TestGateways.ID, idPort, dir.resolve("id"),
                TestGateways.partner(TestGateways.KR, krPort), TestGateways.partner(TH, thPort)), "id");
        GatewayConfig kr = withOwnKeys(TestGateways.config(TestGateways.KR, krPort, dir.resolve("kr"),
                TestGateways.partner(TestGateways.ID, idPort)), "kr");
        GatewayConfig th = withOwnKeys(TestGateways.config(TH, thPort, dir.resolve("th"),
                TestGateways.partner(TestGateways.ID, idPort)), "th");
        new DemoPki(dir.resolve("pki/ca")).ensure(List.of(kr, id, th));
        SendingPartner krSender = SendingPartner.kr(kr);
        SendingPartner thSender = SendingPartner.kr(th);
        try (GatewayProcess process = GatewayProcess.start(dir, "id", id, Map.of())) {
            var stop = new AtomicBoolean();
            var floodAnswered = new AtomicInteger();
            var flooders = startFlood(krSender, URI.create(GatewayServer.baseUrl(id) + "/send-co"), stop, floodAnswered);
            try {
                for (int i = 0; i < TH_MESSAGES; i++) {
                    assertAccepted(thSender, id, SendingPartner.sendCoPayload(UUID.randomUUID(), TH, "TH"));
                }
                // Bounded wait for the flood to have done its worst alongside TH's messages.
                for (int i = 0; i < 3_000 && floodAnswered.get() < FLOOD_REQUESTS && process.isAlive(); i++) {
                    Thread.sleep(100);
                }
            } finally {
                stop.set(true);
                for (Thread flooder : flooders) {
                    flooder.join();
                }
            }
            assertTrue(floodAnswered.get() >= FLOODERS, "the flood reached the gateway: " + floodAnswered + " answers");
            assertTrue(process.isAlive(), "the gateway survived the flood");
            assertAccepted(krSender, id, SendingPartner.sendCoPayload());
        }
        String log = Files.readString(dir.resolve("id.log"));
        assertFalse(log.contains("OutOfMemoryError"), "the gateway ran out of memory during the flood");
    }

    private static List<Thread> startFlood(SendingPartner kr, URI sendCo, AtomicBoolean stop, AtomicInteger answered) {
        int padding = ListenerLimits.DEFAULT_MAX_BODY_BYTES - 200;
        byte[] maximal = ("<soap:Envelope xmlns:soap=\"" + HandMadeEnvelope.SOAP11 + "\"><soap:Body><x>" + "A".repeat(padding)
                + "</x></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < FLOODERS; i++) {
            Thread flooder = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        kr.client().post(sendCo, "urn:coconnect:send-co", maximal);
                        answered.incrementAndGet();
                    } catch (IllegalStateException refusedMidUpload) {
                        // A refusal before the body is read may reset the upload: it was refused all the same.
                        answered.incrementAndGet();
                    }
                }
            }, "kr-flood-" + i);
            flooder.start();
            threads.add(flooder);
        }
        return threads;
    }

    private static void assertAccepted(SendingPartner sender, GatewayConfig id, org.w3c.dom.Element payload) throws Exception {
        var answer = sender.client().post(URI.create(GatewayServer.baseUrl(id) + "/send-co"), "urn:coconnect:send-co",
                sender.secured(payload).bytes());
        assertEquals(200, answer.status(), answer::text);
        assertEquals(AcknowledgementStatus.ACCEPTED, sender.openAcknowledgement(answer.document(), "send-co").status());
    }

    /** Key material of this test's own, so that a third administration changes nothing other tests share. */
    private GatewayConfig withOwnKeys(GatewayConfig config, String name) {
        Path keys = dir.resolve("pki").resolve(name);
        var shared = config.keystores();
        return config.withKeystores(new KeystoreConfig(keys.resolve("own.p12"), keys.resolve("partners.p12"),
                keys.resolve("trust.p12"), shared.password(), true, keys.resolve("inbound-credentials"),
                keys.resolve("outbound-credentials")));
    }
}
