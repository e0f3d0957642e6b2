package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coconnect.Gateway;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.FuzzCampaign;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.JsonMutator;
import org.coconnect.support.JsonPartner;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FuzzedRequestsIT's promise on the JSON API: hostile send-co payloads, signed (JWS) and encrypted (JWE)
 * correctly by KR, four at a time. Each is answered with a signed acknowledgement or a problem carrying a
 * documented code, never an internal error and never internals; exactly what was accepted is stored; and a
 * good CO is still accepted afterwards. {@code -Dfuzz.seed=N} explores other seeds.
 */
class FuzzedJsonRequestsIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final int TREES = Integer.getInteger("fuzz.json.trees", 500);
    private static final int TEXTS = Integer.getInteger("fuzz.json.texts", 150);
    /** {@code -Dfuzz.verbose=true} prints every request's change, how long its answer took, and the answer. */
    private static final boolean VERBOSE = Boolean.getBoolean("fuzz.verbose");

    @TempDir
    static Path dir;
    static Gateway id;
    static JsonPartner kr;

    @BeforeAll
    static void start() {
        var configs = JsonPartner.onJson(TestGateways.configs(dir), true);
        kr = JsonPartner.kr(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    private record Exchange(String sent, MutualTlsSoapClient.Response answer) {
        @Override
        public String toString() {
            return sent;
        }
    }


    @Test
    void mutatedJsonPayloadsAreEachAnsweredWithADocumentedCode() throws Exception {
        var mutator = new JsonMutator(new Random(SEED));
        assertEveryAnswerDocumented(TREES, i -> {
            var json = (ObjectNode) JsonCodec.requestToJson(Operation.SEND_CO, SendingPartner.sendCoPayload());
            String change = mutator.mutate(json);
            String body = kr.signedAndEncrypted(JsonCodec.mapper().writeValueAsBytes(json));
            return () -> timed("tree " + i + ": " + change, body);
        });
    }

    @Test
    void mutatedJsonTextsAreEachAnsweredWithADocumentedCode() throws Exception {
        var mutator = new JsonMutator(new Random(SEED + 1));
        assertEveryAnswerDocumented(TEXTS, i -> {
            byte[] json = kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload());
            var change = new StringBuilder("text " + i + ": ");
            String body = kr.signedAndEncrypted(mutator.mutateText(json, change));
            return () -> timed(change.toString(), body);
        });
    }

    private static Exchange timed(String sent, String body) {
        long start = System.nanoTime();
        try {
            return new Exchange(sent, kr.post(id, Operation.SEND_CO, body));
        } finally {
            if (VERBOSE) {
                System.out.println("fuzz " + (System.nanoTime() - start) / 1_000_000 + " ms <- " + sent);
            }
        }
    }

    private static void assertEveryAnswerDocumented(int count, FuzzCampaign.Request<Exchange> request) throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        long messagesBefore = GatewaySnapshot.messages(id);
        long certificatesBefore = GatewaySnapshot.certificates(id);
        Map<String, Integer> answers = new FuzzCampaign<Exchange>("FuzzedJsonRequestsIT", SEED, VERBOSE)
                .run(count, request, FuzzedJsonRequestsIT::judge);
        int accepted = FuzzCampaign.count(answers, AcknowledgementStatus.ACCEPTED.name());
        assertEquals(messagesBefore + accepted, GatewaySnapshot.messages(id), "messages stored against accepted");
        assertEquals(certificatesBefore + accepted, GatewaySnapshot.certificates(id), "COs stored against accepted");
        assertTrue(before.alertCodesSince().stream().noneMatch(c -> c.startsWith("CC-9")), "an internal error was alerted");
        var good = kr.acknowledgement(kr.post(id, Operation.SEND_CO,
                kr.signedAndEncrypted(kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload()))));
        assertEquals(AcknowledgementStatus.ACCEPTED, good.status(), () -> good.problems().toString());
    }

    private static String judge(Exchange exchange, List<String> wrong) {
        var answer = exchange.answer();
        try {
            GatewaySnapshot.assertNoInternals(answer.text());
            if (answer.status() == 200) {
                Acknowledgement ack = kr.acknowledgement(answer);
                boolean accepted = ack.status() == AcknowledgementStatus.ACCEPTED
                        || ack.status() == AcknowledgementStatus.ACCEPTED_WITH_WARNINGS;
                if (ack.status() == AcknowledgementStatus.DUPLICATE) {
                    wrong.add(exchange.sent() + " -> " + ack);
                }
                return (accepted ? AcknowledgementStatus.ACCEPTED.name() : ack.status().name())
                        + ack.problems().stream().map(p -> p.code().code()).distinct().sorted().toList();
            }
            JsonNode problem = JsonCodec.mapper().readTree(answer.body());
            ErrorCode code = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(problem.path("code").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no documented code"));
            if (!code.partnerText().equals(problem.path("text").asText()) || code.code().startsWith("CC-9")) {
                wrong.add(exchange.sent() + " -> HTTP " + answer.status() + " " + answer.text());
            }
            return code.code();
        } catch (Exception | AssertionError e) {
            wrong.add(exchange.sent() + " -> HTTP " + answer.status() + " unreadable or leaking (" + e.getMessage() + "): "
                    + answer.text());
            return "unreadable";
        }
    }
}
