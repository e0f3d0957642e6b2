package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.transform.dom.DOMSource;
import org.coconnect.Gateway;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.EnvelopeByteMutator;
import org.coconnect.support.FuzzCampaign;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.PayloadMutator;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.generated.messages.AcknowledgementMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thousands of hostile requests from an authenticated partner over its real mutual-TLS connection, four
 * at a time: payloads (send-co, and the samples of every operation) broken in every way {@link
 * PayloadMutator} knows and then correctly signed and encrypted, and correct envelopes whose bytes {@link
 * EnvelopeByteMutator} broke.
 * Each must be answered with an acknowledgement or a fault carrying a documented code, never an internal
 * error and never internals; exactly what was accepted is stored, with the digest of what was sent; and
 * the gateway still accepts a good CO afterwards. The seed is fixed so a failure repeats; {@code
 * -Dfuzz.seed=N} explores others.
 */
class FuzzedRequestsIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final int PAYLOADS = Integer.getInteger("fuzz.payloads", 1000);
    private static final int ENVELOPES = Integer.getInteger("fuzz.envelopes", 400);
    private static final int OPERATIONS = Integer.getInteger("fuzz.operations", 600);
    /** {@code -Dfuzz.verbose=true} prints every request's change and its answer, for exploring a seed. */
    private static final boolean VERBOSE = Boolean.getBoolean("fuzz.verbose");

    @TempDir
    static Path dir;
    static Gateway id;
    static SendingPartner kr;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        id = TestGateways.start(configs.get(1));
        kr = SendingPartner.kr(configs.get(0));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    /** What one hostile request was, what it was answered, and the digest of the payload it carried. */
    private record Exchange(String sent, Operation operation, MutualTlsSoapClient.Response answer, byte[] sentDigest) {
        @Override
        public String toString() {
            return sent;
        }
    }

    @Test
    void mutatedPayloadsSignedAndEncryptedAreEachAnsweredWithADocumentedCode() throws Exception {
        var mutator = new PayloadMutator(new Random(SEED));
        assertEveryAnswerDocumented(PAYLOADS, i -> {
            Element payload = SendingPartner.sendCoPayload();
            String change = mutator.mutate(payload);
            byte[] envelope = kr.secured(payload).bytes();
            return () -> new Exchange("payload " + i + ": " + change, Operation.SEND_CO, kr.post(id, "send-co", envelope),
                    PayloadDigest.of(payload).sha256());
        });
    }

    @Test
    void mutatedEnvelopeBytesAreEachAnsweredWithADocumentedCode() throws Exception {
        var mutator = new EnvelopeByteMutator(new Random(SEED + 1));
        assertEveryAnswerDocumented(ENVELOPES, i -> {
            Element payload = SendingPartner.sendCoPayload();
            var change = new StringBuilder("envelope " + i + ": ");
            // Each its own signature and timestamp: a copy of one would be refused as a replay, and test only that.
            byte[] envelope = mutator.mutate(kr.secured(payload).bytes(), change);
            return () -> new Exchange(change.toString(), Operation.SEND_CO, kr.post(id, "send-co", envelope),
                    PayloadDigest.of(payload).sha256());
        });
    }

    /** The samples of every operation (notifications, decisions, DOs, inquiries), mutated, to their addresses. */
    @Test
    void mutatedPayloadsOfEveryOperationAreEachAnsweredWithADocumentedCode() throws Exception {
        var random = new Random(SEED + 2);
        var mutator = new PayloadMutator(random);
        Operation[] operations = Operation.values();
        assertEveryAnswerDocumented(OPERATIONS, i -> {
            Operation operation = operations[random.nextInt(operations.length)];
            Element payload = samplePayload(operation);
            String change = mutator.mutate(payload);
            byte[] envelope = kr.secured(payload).bytes();
            return () -> new Exchange(operation.pathName() + " " + i + ": " + change, operation,
                    kr.post(id, operation.pathName(), envelope), PayloadDigest.of(payload).sha256());
        });
    }

    /** samples/{operation}.xml from KR to ID, under a new message ID. */
    private static Element samplePayload(Operation operation) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document sample = factory.newDocumentBuilder().parse(Path.of("samples", operation.pathName() + ".xml").toFile());
        sample.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "MessageId").item(0)
                .setTextContent(java.util.UUID.randomUUID().toString());
        return sample.getDocumentElement();
    }

    /** Sends the requests, checks every answer, then that exactly what was accepted is stored. */
    private static void assertEveryAnswerDocumented(int count, FuzzCampaign.Request<Exchange> request) throws Exception {
        GatewaySnapshot before = GatewaySnapshot.of(id);
        long messagesBefore = GatewaySnapshot.messages(id);
        long certificatesBefore = GatewaySnapshot.certificates(id);
        Map<String, Integer> answers = new FuzzCampaign<Exchange>("FuzzedRequestsIT", SEED, VERBOSE)
                .run(count, request, (exchange, wrong) -> exchange.operation().pathName() + " " + judge(exchange, wrong));
        // A CO version sent again under a new message ID is stored as a message, answered DUPLICATE, and no new CO.
        assertEquals(messagesBefore + FuzzCampaign.count(answers, " ACCEPTED") + FuzzCampaign.count(answers, " DUPLICATE"),
                GatewaySnapshot.messages(id), "messages stored against accepted");
        assertEquals(certificatesBefore + FuzzCampaign.count(answers, "send-co ACCEPTED"), GatewaySnapshot.certificates(id),
                "COs stored against accepted send-co");
        assertTrue(before.alertCodesSince().stream().noneMatch(c -> c.startsWith("CC-9")), "an internal error was alerted");
        assertStillAcceptsAGoodCo();
    }

    /** The answer's outcome (acknowledgement status and problem codes, or the fault's code); a broken rule goes to {@code wrong}. */
    private static String judge(Exchange exchange, List<String> wrong) {
        try {
            Document answer = SendingPartner.opened(exchange.answer(), kr.signer());
            GatewaySnapshot.assertNoInternals(answer);
            String fault = MutualTlsSoapClient.faultString(answer);
            if (fault != null) {
                ErrorCode code = documented(fault.split(" ", 2)[0]);
                if (!fault.equals(code.partnerText()) || code.code().startsWith("CC-9") || exchange.answer().status() < 400) {
                    wrong.add(exchange.sent() + " -> HTTP " + exchange.answer().status() + " fault " + fault);
                }
                return code.code();
            }
            Acknowledgement ack = acknowledgement(answer, exchange.operation());
            boolean accepted = ack.status() == AcknowledgementStatus.ACCEPTED
                    || ack.status() == AcknowledgementStatus.ACCEPTED_WITH_WARNINGS;
            // Every request carries a new message ID: DUPLICATE can only be a CO version already received (CC-4003).
            boolean businessDuplicate = ack.status() == AcknowledgementStatus.DUPLICATE && ack.problems().stream()
                    .anyMatch(p -> p.code() == ErrorCode.BUSINESS_DUPLICATE);
            if (exchange.answer().status() != 200
                    || (ack.status() == AcknowledgementStatus.DUPLICATE && !businessDuplicate)
                    || (accepted && !Arrays.equals(exchange.sentDigest(), ack.payloadDigest()))) {
                wrong.add(exchange.sent() + " -> HTTP " + exchange.answer().status() + " " + ack);
            }
            String status = accepted ? AcknowledgementStatus.ACCEPTED.name() : ack.status().name();
            return status + ack.problems().stream().map(p -> p.code().code()).distinct().sorted().toList();
        } catch (Exception | AssertionError e) {
            wrong.add(exchange.sent() + " -> HTTP " + exchange.answer().status() + " unreadable or leaking ("
                    + e.getMessage() + "): " + exchange.answer().text());
            return "unreadable";
        }
    }

    private static ErrorCode documented(String code) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no documented error code " + code));
    }

    private static Acknowledgement acknowledgement(Document answer, Operation operation) throws Exception {
        String name = operation.pathName() + "-response";
        Element response = (Element) answer.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, name).item(0);
        if (response == null) {
            throw new AssertionError("neither a fault nor a " + name);
        }
        AcknowledgementMessageType message = Contract.jaxb().createUnmarshaller()
                .unmarshal(new DOMSource(response), AcknowledgementMessageType.class).getValue();
        return AcknowledgementMapper.fromMessage(message);
    }

    private static void assertStillAcceptsAGoodCo() throws Exception {
        var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
        assertEquals(AcknowledgementStatus.ACCEPTED, kr.openAcknowledgement(answer.document(), "send-co").status(),
                answer::text);
    }
}
