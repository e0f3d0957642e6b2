package org.coconnect.ws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.coconnect.Gateway;
import org.coconnect.client.CallbackWorker;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.LocalClientConfig;
import org.coconnect.config.LocalScope;
import org.coconnect.domain.EventKind;
import org.coconnect.support.CallbackReceiver;
import org.coconnect.support.TestGateways;
import org.coconnect.support.TwoGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications over real HTTP: the customs system's callback receives each event, signed with its secret and
 * timestamped, retried until it answers 2xx with the same event ID; systems that cannot receive calls poll
 * GET /events.
 */
class NotificationsIT {

    static final String SECRET = "customs-notification-secret-0123456789abcdef";
    static final String CUSTOMS = "customs-credential-0123456789abcdef0123456789";
    static CallbackReceiver receiver;

    @RegisterExtension
    static final TwoGateways gateways = new TwoGateways(config -> {
            try {
                receiver = new CallbackReceiver().failFirst(2);
                var customs = new LocalClientConfig("customs", ClientScopesIT.sha256(CUSTOMS), Set.of(LocalScope.READ,
                        LocalScope.DECIDE), SECRET.toCharArray(), Map.of("co-received", receiver.url(),
                        "alert-raised", receiver.url()));
                return config.withLocalApi(config.localApi().withClients(List.of(customs)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    static Gateway kr;
    static Gateway id;
    static LocalHttp idHttp;

    @BeforeAll
    static void receive() {
        kr = gateways.kr();
        id = gateways.id();
        idHttp = new LocalHttp(id);
        assertEquals(201, new LocalHttp(kr).postXml("/certificates", LocalInterfaceIT.certificateXml("KR-NOTIFY-1"))
                .status());
        kr.deliverDue();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) receiver.close();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s: " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<CallbackReceiver.Call> callsAbout(String text) {
        return receiver.calls().stream().filter(c -> c.body().contains(text)).toList();
    }

    @Test
    void aReceivedCoIsCalledBackSignedAndRetriedWithTheSameEventIdUntilAnswered() throws Exception {
        await(() -> callsAbout("KR-NOTIFY-1").stream().anyMatch(c -> c.status() == 204), "the answered call");

        var calls = callsAbout("KR-NOTIFY-1");
        assertEquals(500, calls.get(0).status(), "the receiver failed the first call, so it was retried");
        assertEquals(204, calls.get(calls.size() - 1).status());
        assertEquals(1, calls.stream().map(CallbackReceiver.Call::eventId).distinct().count(), "one stable event ID");
        var call = calls.get(0);
        assertTrue(call.body().contains("\"kind\":\"co-received\"") && call.body().contains("KR/KR-NOTIFY-1/1"),
                call.body());
        assertEquals("sha256=" + CallbackWorker.sign(SECRET.toCharArray(), call.timestamp(), call.body()),
                call.signature());
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(call.timestamp()));
        assertTrue(age < 300, "the timestamp is the signing time: " + call.timestamp());
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotMatch() throws Exception {
        await(() -> !callsAbout("KR-NOTIFY-1").isEmpty(), "a call");
        var call = callsAbout("KR-NOTIFY-1").get(0);
        String forged = "sha256=" + CallbackWorker.sign("another-secret".toCharArray(), call.timestamp(), call.body());
        String replayedLater = "sha256=" + CallbackWorker.sign(SECRET.toCharArray(),
                String.valueOf(Long.parseLong(call.timestamp()) + 3600), call.body());

        assertTrue(!forged.equals(call.signature()) && !replayedLater.equals(call.signature()));
    }

    @Test
    void anAlertPublishedThroughTheEntryPointIsCalledBack() {
        id.useCases().notifications().publish(EventKind.ALERT_RAISED, "test:alert-1", null, null, null,
                "CC-6003 a test alert");

        await(() -> !callsAbout("CC-6003 a test alert").isEmpty(), "the alert's callback");
        assertTrue(callsAbout("CC-6003 a test alert").get(0).body().contains("\"kind\":\"alert-raised\""));
    }

    @Test
    void anAlertTheGatewayRaisesIsCalledBackAsAlertRaised() {
        new org.coconnect.exchange.Alerts(id.database(), java.time.Clock.systemUTC(), id.audit())
                .raise(org.coconnect.error.ErrorCode.MESSAGE_STUCK, "KR-KCS", null, "a message waits too long (test)");

        await(() -> callsAbout("a message waits too long (test)").stream().anyMatch(c -> c.status() == 204),
                "the alert's callback");
        var call = callsAbout("a message waits too long (test)").get(0);
        assertTrue(call.body().contains("\"kind\":\"alert-raised\"") && call.body().contains("CC-6003"), call.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void pollingListsTheEventsAfterAGivenOne() {
        var all = idHttp.as(CUSTOMS, null, "GET", "/events", null, null);
        assertEquals(200, all.status(), all.body());
        var events = (List<Map<String, Object>>) all.json().get("events");
        var received = events.stream().filter(e -> "co-received".equals(e.get("kind"))).findFirst().orElseThrow();
        assertEquals("KR/KR-NOTIFY-1/1", received.get("certificate"));

        var after = idHttp.as(CUSTOMS, null, "GET", "/events?after=" + received.get("eventId"), null, null);
        var later = (List<Map<String, Object>>) after.json().get("events");
        assertTrue(later.stream().noneMatch(e -> e.get("eventId").equals(received.get("eventId"))), after.body());
        assertEquals(events.size() - events.indexOf(received) - 1, later.size());
    }

    @Test
    void pollingAfterAnUnknownEventIs404() {
        var reply = idHttp.as(CUSTOMS, null, "GET", "/events?after=00000000-0000-0000-0000-000000000000", null, null);
        ProblemDocumentIT.assertProblem(reply, 404, "CC-5303");
    }

    @Test
    void aClientWithoutReadScopeCannotPoll() {
        var reply = new LocalHttp(id).as(TestGateways.LOCAL_TOKEN + "-wrong", null, "GET", "/events", null, null);
        assertEquals(401, reply.status());
    }
}
