package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.config.Cidr;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerConfig;
import org.coconnect.config.PartnerLimits;
import org.coconnect.config.SecurityProfile;
import org.coconnect.domain.AdministrationId;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.IsolatedKeys;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestCa;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Signatures by the wrong certificate, all sent over KR's own mutual-TLS connection and login. ID knows
 * a third partner, JP-JCB, with its own signing certificate from the same CA, and has two more signing
 * certificates for KR, both from that CA: one expired, one an encryption certificate (keyEncipherment,
 * no digitalSignature) offered as a signing certificate.
 * The gateway drops those two at start-up (with a CC-1004 alert each), so messages signed with them are
 * refused like those of a stranger.
 */
class IdentityAttackIT {

    private static final AdministrationId JP = new AdministrationId("JP", "JCB");

    @TempDir
    static Path dir;
    static Gateway id;
    static SendingPartner kr;
    static TestCa.IssuedKey jp;
    static TestCa.IssuedKey expired;
    static TestCa.IssuedKey encryptionOnly;

    @BeforeAll
    static void start() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        kr = SendingPartner.kr(configs.get(0));
        var ca = TestCa.load();
        Instant now = Instant.now();
        jp = ca.issueKey("CN=JP-JCB signing, O=JCB, C=JP", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)),
                TestCa.SIGNING_USAGE);
        expired = ca.issueKey("CN=KR-KCS signing, O=KCS, C=KR", now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), TestCa.SIGNING_USAGE);
        encryptionOnly = ca.issueKey("CN=KR-KCS encryption, O=KCS, C=KR", now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(365)), TestCa.ENCRYPTION_USAGE);
        GatewayConfig idConfig = IsolatedKeys.copy(configs.get(1), dir.resolve("id-keys"));
        IsolatedKeys.addPartnerCertificate(idConfig, "jp-jcb.signing", jp.certificate());
        IsolatedKeys.addPartnerCertificate(idConfig, "kr-kcs.signing.expired", expired.certificate());
        IsolatedKeys.addPartnerCertificate(idConfig, "kr-kcs.signing.encryption-only", encryptionOnly.certificate());
        var partners = new ArrayList<>(idConfig.partners());
        partners.add(new PartnerConfig("JP-JCB", JP, "test", null, URI.create("https://localhost:1"),
                List.of(Cidr.parse("127.0.0.0/8")), "JP-JCB", PartnerLimits.defaults(), SecurityProfile.STANDARD));
        id = TestGateways.start(idConfig.withPartners(partners));
        // The first watchdog pass alerts the expired certificate (CC-6004); let it happen before any snapshot.
        id.watchdog().runOnce();
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    /** JP's message, signed with JP's real key, arrives over KR's TLS connection and login. */
    @Test
    void aMessageSignedByAnotherPartnerOverKrsConnectionIsRefused() throws Exception {
        var payload = SendingPartner.sendCoPayload(UUID.randomUUID(), JP, "JP");
        byte[] envelope = HandMadeEnvelope.of(payload).signedBy(jp.signer()).encryptedFor(kr.idEncryptionCertificate()).bytes();
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", envelope);
        // WS-Security passed, so the fault is secured, for KR's encryption certificate: the connection is KR's.
        assertRefused(before, answer, ErrorCode.IDENTITY_MISMATCH);
    }

    @Test
    void aMessageSignedWithAnExpiredCertificateIsRefused() throws Exception {
        assertDroppedAtStartUp(expired, "not valid at");
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).signedBy(expired.signer()).bytes());
        assertRefused(before, answer, ErrorCode.CERTIFICATE_NOT_TRUSTED);
    }

    @Test
    void aMessageSignedWithAnEncryptionCertificateIsRefused() throws Exception {
        assertDroppedAtStartUp(encryptionOnly, "lacks digitalSignature, needed for a signing certificate");
        GatewaySnapshot before = GatewaySnapshot.of(id);
        var answer = kr.post(id, "send-co",
                kr.secured(SendingPartner.sendCoPayload()).signedBy(encryptionOnly.signer()).bytes());
        assertRefused(before, answer, ErrorCode.CERTIFICATE_NOT_TRUSTED);
    }

    /** Control: with JP and the two bad certificates configured, KR's real signing key is still accepted. */
    @Test
    void krsOwnSigningKeyIsStillAccepted() throws Exception {
        long messages = GatewaySnapshot.messages(id);
        var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
        assertEquals(200, answer.status(), answer::text);
        assertEquals(messages + 1, GatewaySnapshot.messages(id));
    }

    private static void assertDroppedAtStartUp(TestCa.IssuedKey key, String reason) {
        String serial = key.certificate().getSerialNumber().toString(16);
        assertTrue(StoredRows.alerts(id).stream().anyMatch(a -> a.code().equals(ErrorCode.CERTIFICATE_NOT_TRUSTED.code())
                && a.detail().contains(serial) && a.detail().contains(reason)), "no start-up alert for serial " + serial);
    }

    /** Refused with the generic fault, which KR can read: it is encrypted for KR's encryption key, whoever signed. */
    private static void assertRefused(GatewaySnapshot before, MutualTlsSoapClient.Response answer, ErrorCode expected)
            throws Exception {
        assertEquals(500, answer.status(), answer::text);
        Document opened = SendingPartner.opened(answer, kr.signer());
        assertEquals(ErrorCode.SECURITY_FAILURE.partnerText(), MutualTlsSoapClient.faultString(opened), answer::text);
        GatewaySnapshot.assertNoInternals(answer.text());
        GatewaySnapshot.assertNoInternals(opened);
        before.assertNothingStored();
        before.assertAlerted(expected);
    }
}
