package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Problem;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Replays of a captured message. Within one run WSS4J's in-memory Timestamp cache refuses them; after
 * a restart that cache is empty and only what is durable protects: the message-ID store, and the
 * signature itself. Each test has a gateway (and database) of its own.
 */
class ReplayAttackIT {

    @TempDir
    Path dir;
    GatewayConfig idConfig;
    Gateway id;
    SendingPartner kr;

    @BeforeEach
    void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        idConfig = configs.get(1);
        id = TestGateways.start(idConfig);
        kr = SendingPartner.kr(configs.get(0));
    }

    @AfterEach
    void stop() {
        if (id != null) {
            id.close();
        }
    }

    private void restart() {
        id.close();
        id = null;
        id = TestGateways.start(idConfig);
    }

    /** Within one run WSS4J's Timestamp cache sees the replay first: refused before the store is asked. */
    @Test
    void theSameMessageReplayedUnchangedWithinARunIsRefusedByTheTimestampCache() {
        UUID messageId = UUID.randomUUID();
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR")).bytes();
        assertEquals(200, kr.post(id, "send-co", envelope).status());

        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", envelope);
        assertEquals(500, answer.status(), answer::text);
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), answer.faultString(), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.REPLAY_DETECTED);
        assertEquals(1, StoredRows.messagesWithId(id, messageId.toString()), "one exchanged_message row");
    }

    /** Not a refusal: the durable replay guard answers DUPLICATE (CC-4001) from the store and stores nothing new. */
    @Test
    void theSameMessageReplayedUnchangedAfterARestartIsAnsweredDuplicateFromTheStore() throws Exception {
        UUID messageId = UUID.randomUUID();
        byte[] envelope = kr.secured(SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR")).bytes();
        Acknowledgement first = kr.openAcknowledgement(kr.post(id, "send-co", envelope).document(), "send-co");
        assertEquals(AcknowledgementStatus.ACCEPTED, first.status(), () -> first.problems().toString());
        restart();

        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", envelope);
        assertEquals(200, answer.status(), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        Acknowledgement replayed = kr.openAcknowledgement(answer.document(), "send-co");
        assertEquals(AcknowledgementStatus.DUPLICATE, replayed.status(), () -> replayed.problems().toString());
        assertEquals(List.of(ErrorCode.DUPLICATE_MESSAGE), replayed.problems().stream().map(Problem::code).toList());
        assertEquals(first.receivedAt(), replayed.receivedAt(), "the original receipt is repeated");
        assertEquals(1, StoredRows.messagesWithId(id, messageId.toString()), "one exchanged_message row");
        before.assertNothingStored();
        assertEquals(List.of(), before.alertCodesSince(), "a duplicate is answered, not alerted");
    }

    /**
     * The captured message's signature and Timestamp with another body (another CO under the same message
     * ID), encrypted for ID as anyone can: the Body digest no longer matches.
     */
    @Test
    void aReplayWithItsSignatureButAnotherBodyIsRefused() throws Exception {
        UUID messageId = UUID.randomUUID();
        var signedCopy = new AtomicReference<Document>();
        byte[] original = kr.secured(SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR"))
                .afterSigning(doc -> signedCopy.set((Document) doc.cloneNode(true))).bytes();
        assertEquals(200, kr.post(id, "send-co", original).status());
        Document forged = signedCopy.get();
        Element body = (Element) forged.getElementsByTagNameNS(HandMadeEnvelope.SOAP11, "Body").item(0);
        body.replaceChild(forged.importNode(SendingPartner.sendCoPayload(messageId, TestGateways.KR, "KR"), true),
                body.getFirstChild());
        restart();

        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", HandMadeEnvelope.encryptSigned(forged, kr.idEncryptionCertificate()));
        assertEquals(500, answer.status(), answer::text);
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), answer.faultString(), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.SIGNATURE_INVALID);
        assertEquals(1, StoredRows.messagesWithId(id, messageId.toString()), "only the original is stored");
    }
}
