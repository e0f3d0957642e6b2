package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.coconnect.Gateway;
import org.coconnect.config.Cidr;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.AdministrationId;
import org.coconnect.error.ErrorCode;
import org.coconnect.security.WsSecurityProperties;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.IsolatedKeys;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestCa;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Attacks on whom ID trusts for what, each sent by KR over real mutual TLS: a standard-profile partner at the legacy
 * CBC endpoints, a second signature by another trusted key, a certificate revoked by a CRL that arrives while the
 * gateway runs. ID also serves JP-JCB, a partner on the legacy profile (so /legacy/ is published) whose signing key
 * our test CA issued.
 */
class TrustAttackIT {

    static final AdministrationId JP = new AdministrationId("JP", "JCB");

    @TempDir
    static Path dir;
    static List<GatewayConfig> configs;
    static Gateway id;
    static SendingPartner kr;
    static TestCa.IssuedKey jp;
    static TestCa.IssuedKey stranger;

    @BeforeAll
    static void start() throws Exception {
        configs = TestGateways.configs(dir);
        kr = SendingPartner.kr(configs.get(0));
        var ca = TestCa.load();
        Instant now = Instant.now();
        jp = ca.issueKey("CN=JP-JCB signing, O=JCB, C=JP", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)),
                TestCa.SIGNING_USAGE);
        stranger = ca.issueKey("CN=Stranger encryption", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)),
                TestCa.ENCRYPTION_USAGE);
        GatewayConfig idConfig = IsolatedKeys.copy(configs.get(1), dir.resolve("id-keys"));
        IsolatedKeys.addPartnerCertificate(idConfig, "jp-jcb.signing", jp.certificate());
        var partners = new ArrayList<>(idConfig.partners());
        partners.add(new PartnerConfig("JP-JCB", JP, "test", null, URI.create("https://localhost:1"),
                List.of(Cidr.parse("127.0.0.0/8")), "JP-JCB", PartnerLimits.defaults(), SecurityProfile.LEGACY_CBC));
        id = TestGateways.start(idConfig.withPartners(partners));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    /**
     * KR (standard profile) posts a CBC message to /legacy/send-co that is encrypted for a key ID does not hold: were it
     * decrypted, it would fail as CC-1006. It is refused for the profile (CC-1005) before any decryption.
     */
    @Test
    void aStandardProfilePartnerAtTheLegacyEndpointIsRefusedBeforeDecryption() {
        byte[] undecryptable = HandMadeEnvelope.of(SendingPartner.sendCoPayload()).signedBy(kr.signer())
                .encryptedFor(stranger.certificate()).contentEncryption(WsSecurityProperties.AES_256_CBC).bytes();
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.client().post(URI.create(id.baseUrl() + "/legacy/send-co"), "urn:coconnect:send-co", undecryptable);
        assertEquals(500, answer.status(), answer::text);
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), answer.faultString(), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(ErrorCode.ALGORITHM_NOT_ALLOWED);
    }

    /** KR's proper signature over Body and Timestamp, and a second one by JP's key (trusted, a partner's) over both. */
    @Test
    void aMessageWithTwoSignaturesByTwoTrustedKeysIsRefused() throws Exception {
        byte[] twoSignatures = kr.secured(SendingPartner.sendCoPayload()).afterSigning(TrustAttackIT::signAgainAsJp).bytes();
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", twoSignatures);
        assertRefusedAfterWsSecurity(before, answer, ErrorCode.SIGNATURE_NOT_UNIQUE);
    }

    /** Control for the two-signature attack: KR's message with its one signature is accepted by this gateway. */
    @Test
    void krsMessageWithItsOneSignatureIsAccepted() {
        var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
        assertEquals(200, answer.status(), answer::text);
    }

    /**
     * ID runs with no CRL; KR's message is accepted. The CA's new CRL, revoking KR's signing certificate, is dropped
     * into ID's CRL directory and the re-check runs (what the gateway does every minute): KR's next message is refused.
     * A gateway of its own, so the revocation does not reach the other tests.
     */
    @Test
    void aSigningCertificateRevokedByANewCrlIsRefusedAfterTheRecheckWithoutRestart() throws Exception {
        GatewayConfig idConfig = IsolatedKeys.copy(configs.get(1), dir.resolve("id-crl-keys"));
        try (Gateway running = TestGateways.start(idConfig.withPort(TestGateways.freePort())
                .withLocalApi(org.coconnect.config.LocalApiConfig.disabled()))) {
            assertEquals(200, kr.post(running, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes()).status());

            var crl = TestCa.load().crlRevoking(kr.keys().signingCertificate());
            Path crls = Files.createDirectories(idConfig.keystores().own().getParent().resolve("crls"));
            Files.write(crls.resolve("demo-ca.crl"), crl.getEncoded());
            running.crlWatch().pass();

            GatewaySnapshot before = GatewaySnapshot.of(running);
            var answer = kr.post(running, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
            assertRefusedAfterWsSecurity(before, answer, ErrorCode.CERTIFICATE_REVOKED);
        }
    }

    /** A CRL whose nextUpdate comes within a day raises CC-6020 on the next pass, naming the CA. */
    @Test
    void aCrlNearItsNextUpdateRaisesAnAlertOnTheNextPass() throws Exception {
        Path crls = Files.createDirectories(id.config().keystores().own().getParent().resolve("crls"));
        Files.write(crls.resolve("demo-ca-short.crl"), TestCa.load().crl(Duration.ofHours(12)).getEncoded());
        GatewaySnapshot before = GatewaySnapshot.of(id);
        id.crlWatch().pass();
        before.assertAlerted(ErrorCode.CRL_EXPIRING);
    }

    private static void signAgainAsJp(Document doc) {
        try {
            var header = new WSSecHeader(doc);
            header.insertSecurityHeader();
            var signature = new WSSecSignature(header);
            HandMadeEnvelope.Signer signer = jp.signer();
            signature.setUserInfo(signer.alias(), new String(signer.password()));
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(WsSecurityProperties.RSA_SHA256);
            signature.setDigestAlgo(WsSecurityProperties.SHA256);
            signature.setSigCanonicalization(WSS4JConstants.C14N_EXCL_OMIT_COMMENTS);
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
            signature.getParts().add(new WSEncryptionPart("Body", HandMadeEnvelope.SOAP11, ""));
            signature.build(signer.crypto());
        } catch (Exception e) {
            throw new IllegalStateException("second signature cannot be made", e);
        }
    }

    /** Refused with the generic fault, secured for KR (WS-Security passed); the reason only in the alert. */
    private static void assertRefusedAfterWsSecurity(GatewaySnapshot before, MutualTlsSoapClient.Response answer,
                                                     ErrorCode expected) throws Exception {
        assertEquals(500, answer.status(), answer::text);
        Document opened = SendingPartner.opened(answer, kr.signer());
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), MutualTlsSoapClient.faultString(opened), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        before.assertNothingStored();
        before.assertAlerted(expected);
    }
}
