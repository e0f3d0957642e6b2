package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.persistence.MessageEntity;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.JsonPartner;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KR-KCS, configured on ID-DJBC for the JSON API with encryption, sends by hand over mutual TLS: the JSON
 * binding reaches the SOAP side's business path (acceptance, duplicate, ID conflict, rejection with every
 * schema problem at its JSON Pointer), answers with a signed, encrypted acknowledgement, and keeps the JWS
 * as received as the evidence.
 */
class JsonInboundIT {

    @TempDir
    static Path dir;
    static Gateway id;
    static JsonPartner kr;
    static List<org.coconnect.config.GatewayConfig> configs;

    @BeforeAll
    static void start() {
        configs = JsonPartner.onJson(TestGateways.configs(dir), true);
        kr = JsonPartner.kr(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    static List<org.coconnect.config.GatewayConfig> configs() {
        return configs;
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    @Test
    void aSignedEncryptedCoIsAcceptedAndTheJwsIsStoredAsEvidence() throws Exception {
        UUID messageId = UUID.randomUUID();
        String jws = kr.signed(kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR")));
        Acknowledgement ack = kr.acknowledgement(kr.post(id, Operation.SEND_CO,
                org.coconnect.security.JoseMessages.encrypt(jws, kr.idEncryptionCertificate())));
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
        assertEquals(messageId, ack.receivedMessageId());
        MessageEntity stored = StoredRows.messages(id).stream().filter(m -> m.messageId().equals(messageId.toString()))
                .findFirst().orElseThrow();
        assertArrayEquals(jws.getBytes(StandardCharsets.US_ASCII), stored.rawEnvelope(), "the JWS as received");
    }

    @Test
    void theSameMessageAgainIsADuplicateAnsweredFromTheOriginalReceipt() throws Exception {
        byte[] json = kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload());
        Acknowledgement first = kr.acknowledgement(kr.post(id, Operation.SEND_CO, kr.signedAndEncrypted(json)));
        // A retry is signed afresh: another JWS, the same payload.
        Acknowledgement again = kr.acknowledgement(kr.post(id, Operation.SEND_CO, kr.signedAndEncrypted(json)));
        assertEquals(AcknowledgementStatus.ACCEPTED, first.status(), () -> first.problems().toString());
        assertEquals(AcknowledgementStatus.DUPLICATE, again.status());
        assertEquals(first.receivedAt(), again.receivedAt());
        assertTrue(again.problems().stream().anyMatch(p -> p.code() == ErrorCode.DUPLICATE_MESSAGE));
    }

    @Test
    void aMessageIdReusedForOtherContentIsAConflict() throws Exception {
        UUID messageId = UUID.randomUUID();
        var first = kr.acknowledgement(kr.post(id, Operation.SEND_CO, kr.signedAndEncrypted(
                kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR")))));
        var other = kr.acknowledgement(kr.post(id, Operation.SEND_CO, kr.signedAndEncrypted(
                kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR")))));
        assertEquals(AcknowledgementStatus.ACCEPTED, first.status(), () -> first.problems().toString());
        assertEquals(AcknowledgementStatus.REJECTED, other.status());
        assertEquals(ErrorCode.MESSAGE_ID_CONFLICT, other.problems().get(0).code());
        assertEquals("/MessageHeader/MessageId", other.problems().get(0).location(), "a JSON Pointer, not the rule's XPath");
    }

    @Test
    void aSchemaInvalidMessageIsRejectedWithEveryProblemAtItsJsonPointer() throws Exception {
        UUID messageId = UUID.randomUUID();
        var json = (ObjectNode) JsonCodec.requestToJson(Operation.SEND_CO,
                SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR"));
        var co = (ObjectNode) json.get("CertificateOfOrigin");
        co.remove("CertificateNumber");
        co.put("Version", "one");
        co.put("Smuggled", true);
        var snapshot = GatewaySnapshot.of(id);
        Acknowledgement ack = kr.acknowledgement(kr.post(id, Operation.SEND_CO,
                kr.signedAndEncrypted(JsonCodec.mapper().writeValueAsBytes(json))));
        assertEquals(AcknowledgementStatus.REJECTED, ack.status());
        assertEquals(messageId, ack.receivedMessageId());
        List<String> pointers = ack.problems().stream().filter(p -> p.code() == ErrorCode.JSON_SCHEMA_INVALID)
                .map(Problem::location).toList();
        assertTrue(pointers.containsAll(List.of("/CertificateOfOrigin/CertificateNumber", "/CertificateOfOrigin/Version",
                "/CertificateOfOrigin/Smuggled")), pointers.toString());
        snapshot.assertNothingStored();
        assertTrue(StoredRows.rejections(id).stream().anyMatch(r -> r.messageId().equals(messageId.toString())));
    }

    @Test
    void aSignedButUnencryptedBodyIsRefusedWhenThePartnerMustEncrypt() throws Exception {
        var snapshot = GatewaySnapshot.of(id);
        var answer = kr.post(id, Operation.SEND_CO, kr.signed(kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload())));
        assertEquals(403, answer.status());
        assertTrue(answer.text().contains("CC-1000"), answer.text());
        GatewaySnapshot.assertNoInternals(answer.text());
        snapshot.assertNothingStored();
        snapshot.assertAlerted(ErrorCode.JWE_REQUIRED);
    }

    @Test
    void aMissingLoginIsRefusedAsOnTheSoapSideWithTheSignedBodyUnread() throws Exception {
        var snapshot = GatewaySnapshot.of(id);
        var noLogin = new org.coconnect.support.MutualTlsSoapClient(kr.keys(), null);
        var answer = noLogin.send("POST", java.net.URI.create(id.baseUrl() + "/json/send-co"),
                org.coconnect.security.JoseMessages.MEDIA_TYPE, null, kr.signedAndEncrypted(kr.json(Operation.SEND_CO,
                        SendingPartner.sendCoPayload())).getBytes(StandardCharsets.US_ASCII));
        assertEquals(401, answer.status(), answer::text);
        assertTrue(answer.headers().firstValue("WWW-Authenticate").isPresent());
        assertTrue(answer.text().contains("CC-1100"), answer.text());
        snapshot.assertNothingStored();
        snapshot.assertAlerted(ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedUnreadWithItsCode() throws Exception {
        var snapshot = GatewaySnapshot.of(id);
        byte[] huge = new byte[org.coconnect.ws.GatewayServer.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'e');
        var answer = kr.post(id, Operation.SEND_CO, new String(huge, StandardCharsets.US_ASCII));
        assertEquals(413, answer.status(), answer::text);
        assertTrue(answer.text().contains("CC-2004"), answer.text());
        snapshot.assertNothingStored();
    }

    @Test
    void plainJsonWithoutJoseIsRefusedWithTheContentTypeCode() throws Exception {
        var snapshot = GatewaySnapshot.of(id);
        var client = new org.coconnect.support.MutualTlsSoapClient(kr.keys(), org.coconnect.security.CredentialFiles
                .readOutbound(configs().get(0).keystores().outboundCredentials()).get(TestGateways.ID_ID));
        var answer = client.send("POST", java.net.URI.create(id.baseUrl() + "/json/send-co"), "application/json", null,
                kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload()));
        assertEquals(415, answer.status(), answer::text);
        assertTrue(answer.text().contains("CC-2103"), answer.text());
        snapshot.assertNothingStored();
    }

    @Test
    void theJsonSchemasAndTheOpenApiDocumentAreServedAsCommitted() throws Exception {
        for (String name : List.of("send-co", "acknowledgement")) {
            var answer = kr.get(id, "schema/" + name + ".schema.json");
            assertEquals(200, answer.status(), answer::text);
            assertEquals(java.nio.file.Files.readString(Path.of("json-schema", name + ".schema.json")), answer.text());
        }
        var openApi = kr.get(id, "openapi.yaml");
        assertEquals(200, openApi.status(), openApi::text);
        assertEquals(java.nio.file.Files.readString(Path.of("docs", "partner-json-api.openapi.yaml")), openApi.text());
    }
}
