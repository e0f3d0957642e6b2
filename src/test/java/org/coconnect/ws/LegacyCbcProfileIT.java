package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.Acknowledgement;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.MessageHeader;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.MessageCrypto;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.HandMadeEnvelope.Signer;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The legacy CBC profile: ID-DJBC has KR-KCS configured with partner.security.profile=legacy-cbc,
 * KR-KCS has ID-DJBC on the standard profile. CBC is accepted only at ID's /legacy/ endpoints, from
 * KR, with RSA-SHA256; the standard endpoints keep refusing it; KR, with no legacy partner, has no
 * /legacy/ endpoints at all.
 */
class LegacyCbcProfileIT {

    @TempDir
    static Path dir;
    static Gateway kr;
    static Gateway id;
    static GatewayKeys krKeys;
    static GatewayConfig krConfig;
    static Crypto krCrypto;
    static X509Certificate idEncryptionCertificate;

    @BeforeAll
    static void start() {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        GatewayConfig idConfig = configs.get(1);
        id = TestGateways.start(idConfig.withPartners(idConfig.partners().stream()
                .map(p -> p.withSecurityProfile(SecurityProfile.LEGACY_CBC)).toList()));
        kr = TestGateways.start(configs.get(0));
        krKeys = GatewayKeys.load(configs.get(0).keystores());
        krConfig = configs.get(0);
        krCrypto = MessageCrypto.create(krKeys);
        idEncryptionCertificate = new PartnerDirectory(configs.get(0).partners(), krKeys.partners())
                .byId(TestGateways.ID_ID).orElseThrow().encryptionCertificate();
    }

    @AfterAll
    static void stop() {
        for (Gateway g : new Gateway[] {kr, id}) {
            if (g != null) {
                g.close();
            }
        }
    }

    @Test
    void cbcRequestFromTheLegacyPartnerAtTheLegacyEndpointIsAcceptedAndAnsweredInCbc() throws Exception {
        MutualTlsSoapClient.Response answer = post(id, "/legacy/send-co", cbcRequest().bytes());
        assertEquals(200, answer.status(), answer::text);
        Document doc = answer.document();
        assertEquals(WsSecurityProperties.AES_256_CBC, algorithm(doc, WSConstants.ENC_NS, "EncryptionMethod", 1),
                "the answer's Body is encrypted with the legacy profile's AES-256-CBC");
        assertEquals(WsSecurityProperties.RSA_SHA256, algorithm(doc, WSConstants.SIG_NS, "SignatureMethod", 0));
        new WSSecurityEngine().processSecurityHeader(doc, null, passwords(), krCrypto, krCrypto);
        Element status = (Element) doc.getElementsByTagNameNS(Contract.MESSAGES_NAMESPACE, "Status").item(0);
        assertEquals("ACCEPTED", status.getTextContent());
    }

    @Test
    void cbcRequestAtTheStandardEndpointIsRefusedEvenFromTheLegacyPartner() {
        var alertsBefore = GatewaySnapshot.of(id);
        MutualTlsSoapClient.Response answer = post(id, "/send-co", cbcRequest().bytes());
        assertEquals(500, answer.status(), answer::text);
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), answer.faultString());
        assertEquals(List.of(ErrorCode.ALGORITHM_NOT_ALLOWED.code()), alertsBefore.alertCodesSince());
    }

    @Test
    void rsaSha1SignatureAtTheLegacyEndpointIsRefused() {
        var alertsBefore = GatewaySnapshot.of(id);
        byte[] request = cbcRequest().signatureAlgorithm(WSS4JConstants.RSA_SHA1).bytes();
        MutualTlsSoapClient.Response answer = post(id, "/legacy/send-co", request);
        assertEquals(500, answer.status(), answer::text);
        assertEquals(List.of(ErrorCode.ALGORITHM_NOT_ALLOWED.code()), alertsBefore.alertCodesSince());
    }

    @Test
    void aGatewayWithoutLegacyPartnersPublishesNoLegacyEndpoints() {
        var asId = MutualTlsSoapClient.asPartner(id.config(), TestGateways.KR_ID);
        assertEquals(404, asId.get(URI.create(kr.baseUrl() + "/legacy/send-co?wsdl")).status());
    }

    @Test
    void theLegacyEndpointServesTheLegacyWsdlWithBasic256Sha256() {
        MutualTlsSoapClient.Response wsdl = MutualTlsSoapClient.asPartner(krConfig, TestGateways.ID_ID).get(URI.create(id.baseUrl() + "/legacy/send-co?wsdl"));
        assertEquals(200, wsdl.status());
        Document doc = wsdl.document();
        String sp = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
        assertEquals(1, doc.getElementsByTagNameNS(sp, "Basic256Sha256").getLength(), wsdl::text);
        assertEquals(0, doc.getElementsByTagNameNS(sp, "CustomAlgorithmSuite").getLength());
    }

    /** Our own client on a partner's legacy profile: the whole CXF path, both directions, in CBC. */
    @Test
    void ourClientOnTheLegacyProfileIsAcceptedAtTheLegacyEndpoints() throws Exception {
        // A second KR gateway of its own (port, database) whose partner ID is on the legacy profile.
        var idPartner = kr.config().partners().get(0);
        var idAsLegacy = idPartner.withSecurityProfile(SecurityProfile.LEGACY_CBC)
                .withEndpointUrl(URI.create(idPartner.endpointUrl() + "/legacy"));
        GatewayConfig krToLegacy = TestGateways.config(TestGateways.KR, TestGateways.freePort(), dir.resolve("kr-legacy"), idAsLegacy);
        try (Gateway krLegacy = TestGateways.start(krToLegacy)) {
            var client = krLegacy.client(TestGateways.ID_ID);
            MessageHeader header = client.newHeader(UUID.randomUUID(), null);
            Acknowledgement ack = client.sendCertificate(header, certificate());
            assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** What SoapUI or Metro send under the legacy profile: AES-256-CBC, RSA-OAEP, RSA-SHA256, SHA-256. */
    private static HandMadeEnvelope cbcRequest() {
        var header = new MessageHeader(UUID.randomUUID(), TestGateways.KR, TestGateways.ID, Instant.now(), null,
                MessageHeader.SCHEMA_VERSION);
        return HandMadeEnvelope.of(RequestBuilder.sendCo(header, certificate()))
                .signedBy(new Signer(krCrypto, GatewayKeys.SIGNING_ALIAS, krKeys.password()))
                .encryptedFor(idEncryptionCertificate)
                .contentEncryption(WsSecurityProperties.AES_256_CBC);
    }

    private static Element certificate() {
        return SampleCertificate.create("KR-LEGACY-" + UUID.randomUUID().toString().substring(0, 8), 1, "KR", "ID", 1,
                Instant.now().minusSeconds(60));
    }

    private static MutualTlsSoapClient.Response post(Gateway to, String path, byte[] envelope) {
        return MutualTlsSoapClient.asPartner(krConfig, TestGateways.ID_ID).post(URI.create(to.baseUrl() + path), "urn:coconnect:send-co", envelope);
    }

    /** The Algorithm attribute of the index-th element of that name in the answer. */
    private static String algorithm(Document doc, String namespace, String localName, int index) {
        return ((Element) doc.getElementsByTagNameNS(namespace, localName).item(index)).getAttribute("Algorithm");
    }

    private static CallbackHandler passwords() {
        return callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(krKeys.password()));
                }
            }
        };
    }

}
