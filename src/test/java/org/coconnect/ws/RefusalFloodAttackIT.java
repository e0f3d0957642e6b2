package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.MessageHeader;
import org.coconnect.domain.RetrySchedule;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.AlertEntity;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.MutableClock;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.local.LocalJson;
import org.coconnect.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of refused requests, meant to bury the operators' alerts and grow the database: thousands of
 * refusals of one code from one partner are counted on one alert (and one audit record), while another
 * code or another source still gets its own alert at once, and a real alert raised before the flood
 * stays in the operators' view.
 */
class RefusalFloodAttackIT {

    private static final int FLOOD = 2000;
    private static final String DTD_ENVELOPE = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY e "e">]>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><x>&e;</x></soap:Body></soap:Envelope>""";

    @TempDir
    Path dir;

    private static long auditRows(Gateway g) {
        return g.database().inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from audit_event")
                .getSingleResult()).longValue());
    }

    private static List<AlertEntity> alerts(Gateway g, String code) {
        return StoredRows.alerts(g).stream().filter(a -> a.code().equals(code)).toList();
    }

    /** KR gives up a send-co to ID, which is down: the real alert, CC-6001. */
    private static void retriesExhausted(Gateway kr, MutableClock clock, Instant start) {
        var read = CertificateReader.read(OutboundPayloadWriter.text(
                SampleCertificate.create("KR-FLOOD-1", 1, "KR", "ID", 1, start.minusSeconds(30))));
        kr.useCases().issueCertificate().issue(read.certificate(), read.xml());
        kr.deliverDue();
        for (Duration mark : RetrySchedule.FRAMEWORK.marks()) {
            clock.set(start.plus(mark));
            kr.deliverDue();
        }
    }

    /** The operators' view of the alerts, as the local interface serves it to `coconnect alerts`. */
    private static List<Map<?, ?>> alertsView(Gateway g) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.config().localApi().port() + "/alerts"))
                .header("Authorization", "Bearer " + TestGateways.LOCAL_TOKEN).GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return ((List<?>) ((Map<?, ?>) LocalJson.parseOrNull(response.body())).get("alerts")).stream()
                .<Map<?, ?>>map(a -> (Map<?, ?>) a).toList();
    }

    @Test
    void thousandsOfRefusalsFromOnePartnerAreCountedOnOneAlertAndTheRealAlertStaysVisible() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        Instant start = Instant.now();
        var clock = new MutableClock(start);
        try (Gateway kr = Gateway.start(configs.get(0), clock)) {
            retriesExhausted(kr, clock, start);
            assertEquals(1, alerts(kr, "CC-6001").size(), "the real alert");
            var id = MutualTlsSoapClient.asPartner(configs.get(1), TestGateways.KR_ID);
            URI sendCo = URI.create(kr.baseUrl() + "/send-co");
            long auditBefore = auditRows(kr);

            for (int i = 0; i < FLOOD; i++) {
                var answer = id.post(sendCo, "urn:coconnect:send-co", DTD_ENVELOPE.getBytes(StandardCharsets.UTF_8));
                assertTrue(answer.faultString() != null && answer.faultString().startsWith("CC-2002"), answer::text);
            }

            List<AlertEntity> flood = alerts(kr, "CC-2002");
            assertEquals(1, flood.size(), "one alert for the flood");
            assertEquals(FLOOD, flood.get(0).occurrences(), "counting every refusal");
            assertTrue(auditRows(kr) - auditBefore <= 2, "the audit log keeps the first, not every repeat");
            var view = alertsView(kr);
            assertTrue(view.stream().anyMatch(a -> a.get("code").equals("CC-6001")), "the real alert is still shown");
            assertTrue(view.stream().anyMatch(a -> a.get("code").equals("CC-2002")
                    && ((Number) a.get("count")).intValue() == FLOOD), "the flood is shown once, with its count");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anotherCodeOrAnotherSourceStillGetsItsOwnAlertAtOnceDuringAFlood(TestDatabase database) {
        List<GatewayConfig> configs = TestGateways.configs(dir.resolve(database.name()), database);
        try (Gateway kr = TestGateways.start(configs.get(0))) {
            var id = MutualTlsSoapClient.asPartner(configs.get(1), TestGateways.KR_ID);
            URI sendCo = URI.create(kr.baseUrl() + "/send-co");
            for (int i = 0; i < 200; i++) {
                id.post(sendCo, "urn:coconnect:send-co", DTD_ENVELOPE.getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(List.of(200), alerts(kr, "CC-2002").stream().map(AlertEntity::occurrences).toList());

            var otherCode = GatewaySnapshot.of(kr);
            var header = new MessageHeader(UUID.randomUUID(), TestGateways.ID, TestGateways.KR, Instant.now(), null,
                    MessageHeader.SCHEMA_VERSION);
            var unsecured = HandMadeEnvelope.of(RequestBuilder.sendCo(header, SampleCertificate.create("ID-FLOOD-1", 1,
                    "ID", "KR", 1, Instant.now().minusSeconds(60)))).withoutTimestamp().bytes();
            id.post(sendCo, "urn:coconnect:send-co", unsecured);
            otherCode.assertAlerted(ErrorCode.POLICY_VIOLATION);

            var otherSource = GatewaySnapshot.of(kr);
            var login = CredentialFiles.readOutbound(configs.get(1).keystores().outboundCredentials()).get(TestGateways.KR_ID);
            var wrongPassword = new MutualTlsSoapClient(GatewayKeys.load(configs.get(1).keystores()),
                    new CredentialFiles.Login(login.user(), "wrong-password".toCharArray()));
            wrongPassword.post(sendCo, "urn:coconnect:send-co", DTD_ENVELOPE.getBytes(StandardCharsets.UTF_8));
            otherSource.assertAlerted(ErrorCode.CREDENTIALS_INVALID);
            assertEquals(1, alerts(kr, "CC-1102").size(), "the other source has an alert of its own");
        }
    }
}
