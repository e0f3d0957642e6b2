package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.AdministrationId;
import org.coconnect.domain.MessageHeader;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.generated.messages.VerificationOutcomeType;
import org.coconnect.ws.generated.messages.VerifyCoResponseType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * verify-co on the wire, as another stack would call it: a hand-made envelope from KR to ID's
 * /verify-co. The lookup is behind the same checks as the pushed operations: transport login,
 * WS-Security, and a header that names the signer and us. A refused lookup reads and audits nothing.
 */
class VerifyCoSecurityIT {

    @TempDir
    static Path dir;
    static GatewayConfig krConfig;
    static Gateway id;
    static SendingPartner kr;

    @BeforeAll
    static void start() {
        var configs = TestGateways.configs(dir);
        krConfig = configs.get(0);
        id = TestGateways.start(configs.get(1));
        kr = SendingPartner.kr(krConfig);
    }

    @AfterAll
    static void stop() {
        if (id != null) id.close();
    }

    static Element lookup(AdministrationId sender) {
        var header = new MessageHeader(UUID.randomUUID(), sender, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        return RequestBuilder.element(VerifyEndpoint.REQUEST, VerificationMapper.request(header, "ID", "ID-NEVER-1",
                "ABCDEFGHJK"));
    }

    static long lookups() {
        return id.database().inTransaction(em -> em.createQuery(
                "select count(e) from AuditEventEntity e where e.kind = 'LOOKUP'", Long.class).getSingleResult());
    }

    @Test
    void aSecuredLookupIsAnsweredSignedAndEncryptedForTheAsker() throws Exception {
        long before = lookups();

        var answer = kr.post(id, "verify-co", kr.secured(lookup(TestGateways.KR)).bytes());

        assertEquals(200, answer.status(), answer::text);
        Document opened = answer.document();
        var signer = SendingPartner.openSecured(opened, kr.signer());
        assertEquals(kr.idSigningCertificate(), signer, "answered with ID's signing key");
        Element response = (Element) opened.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "verify-co-response").item(0);
        VerifyCoResponseType message = Contract.jaxb().createUnmarshaller()
                .unmarshal(new DOMSource(response), VerifyCoResponseType.class).getValue();
        assertEquals(VerificationOutcomeType.NOT_FOUND, message.getOutcome());
        assertEquals(before + 1, lookups());
    }

    @Test
    void anUnsignedLookupIsRefusedWithCc1000AndReadsNothing() {
        long before = lookups();
        GatewaySnapshot snapshot = GatewaySnapshot.of(id);

        var answer = kr.post(id, "verify-co", HandMadeEnvelope.of(lookup(TestGateways.KR)).bytes());

        assertEquals(500, answer.status(), answer::text);
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), answer.faultString());
        GatewaySnapshot.assertNoInternals(answer.text());
        assertEquals(before, lookups());
        snapshot.assertNothingStored();
    }

    @Test
    void aLookupWithoutThePartnersLoginIsRefusedWith401() {
        long before = lookups();
        var stranger = new MutualTlsSoapClient(GatewayKeys.load(krConfig.keystores()),
                new CredentialFiles.Login("KR-KCS", "not-the-password".toCharArray()));

        var answer = stranger.post(java.net.URI.create(id.baseUrl() + "/verify-co"), VerifyEndpoint.SOAP_ACTION,
                kr.secured(lookup(TestGateways.KR)).bytes());

        assertEquals(401, answer.status(), answer::text);
        assertTrue(answer.text().contains(ErrorCode.AUTHENTICATION_FAILED.code()), answer::text);
        assertEquals(before, lookups());
    }

    @Test
    void aLookupWhoseHeaderNamesAnotherSenderIsRefusedWithCc3002() throws Exception {
        long before = lookups();

        var answer = kr.post(id, "verify-co", kr.secured(lookup(new AdministrationId("JP", "JCS"))).bytes());

        assertEquals(500, answer.status(), answer::text);
        Document opened = SendingPartner.opened(answer, kr.signer());
        assertEquals(ErrorCode.SENDER_NOT_SIGNER.partnerText(), MutualTlsSoapClient.faultString(opened));
        assertEquals(before, lookups());
    }

    @Test
    void aPushedMessageSentToTheLookupAddressIsRefusedWithCc2003() throws Exception {
        long before = lookups();

        var answer = kr.post(id, "verify-co", kr.secured(SendingPartner.sendCoPayload()).bytes());

        assertEquals(500, answer.status(), answer::text);
        Document opened = SendingPartner.opened(answer, kr.signer());
        assertEquals(ErrorCode.WRONG_OPERATION.partnerText(), MutualTlsSoapClient.faultString(opened));
        assertEquals(before, lookups());
    }
}
