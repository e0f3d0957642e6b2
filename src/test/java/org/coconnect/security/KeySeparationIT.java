package org.coconnect.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.coconnect.Gateway;
import org.coconnect.config.GatewayConfig;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.HandMadeEnvelope;
import org.coconnect.support.IsolatedKeys;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.StoredRows;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Each gateway has a signing key and an encryption key: it signs only with the first and decrypts only
 * with the second, answers are encrypted for the partner's encryption certificate, and a certificate is
 * used in one role only if its key usage allows that role.
 */
class KeySeparationIT {

    @TempDir
    Path dir;

    /** A WSS4J crypto holding just one of KR's keys, trusting what KR trusts. */
    private static Merlin onlyKey(GatewayKeys keys, String alias) throws Exception {
        KeyStore store = KeyStores.empty();
        store.setKeyEntry(alias, keys.own().getKey(alias, keys.password()), keys.password(),
                keys.own().getCertificateChain(alias));
        var crypto = new Merlin();
        crypto.setKeyStore(store);
        crypto.setTrustStore(MessageCrypto.merged(keys.partners(), keys.trust()));
        return crypto;
    }

    /** Verifies and decrypts an answer in place with this crypto; returns the certificate that signed it. */
    private static X509Certificate open(Document answer, Merlin crypto, char[] password) throws Exception {
        CallbackHandler passwords = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(password));
                }
            }
        };
        var results = new WSSecurityEngine().processSecurityHeader(answer, null, passwords, crypto, crypto);
        return (X509Certificate) results.getActionResults().get(WSConstants.SIGN).get(0)
                .get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
    }

    @Test
    void theAcknowledgementIsEncryptedForTheSendersEncryptionCertificateAndOnlyThatKeyOpensIt() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var kr = SendingPartner.kr(configs.get(0));
        GatewayKeys krKeys = kr.keys();
        try (Gateway id = TestGateways.start(configs.get(1))) {
            var answer = kr.post(id, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
            assertEquals(200, answer.status(), answer::text);

            assertThrows(WSSecurityException.class,
                    () -> open(answer.document(), onlyKey(krKeys, GatewayKeys.SIGNING_ALIAS), krKeys.password()),
                    "KR's signing key cannot open the acknowledgement");
            X509Certificate signer = open(answer.document(), onlyKey(krKeys, GatewayKeys.ENCRYPTION_ALIAS), krKeys.password());
            assertEquals(GatewayKeys.load(configs.get(1).keystores()).signingCertificate(), signer,
                    "ID signed the acknowledgement with its signing key");
        }
    }

    @Test
    void aRequestEncryptedForOurSigningCertificateIsRefusedAndNothingIsStored() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var kr = SendingPartner.kr(configs.get(0));
        X509Certificate idSigning = GatewayKeys.load(configs.get(1).keystores()).signingCertificate();
        try (Gateway id = TestGateways.start(configs.get(1))) {
            GatewaySnapshot before = GatewaySnapshot.of(id);
            byte[] envelope = HandMadeEnvelope.of(SendingPartner.sendCoPayload()).signedBy(kr.signer())
                    .encryptedFor(idSigning).bytes();
            var answer = kr.post(id, "send-co", envelope);
            assertEquals(500, answer.status(), answer::text);
            assertTrue(answer.text().contains(ErrorCode.SECURITY_FAILURE.code()), answer::text);
            GatewaySnapshot.assertNoInternals(answer.text());
            before.assertAlerted(ErrorCode.DECRYPTION_FAILED);
            before.assertNothingStored();
        }
    }

    /** KR's signing certificate filed as its encryption certificate: refused at start-up; then nothing is encrypted for KR. */
    @Test
    void aSigningCertificateOfferedAsAnEncryptionCertificateIsRefusedWithItsCode() throws Exception {
        List<GatewayConfig> configs = TestGateways.configs(dir);
        var kr = SendingPartner.kr(configs.get(0));
        X509Certificate krSigning = kr.keys().signingCertificate();
        GatewayConfig id = IsolatedKeys.copy(configs.get(1), dir.resolve("id-keys"));
        var partners = KeyStores.load(id.keystores().partners(), id.keystores().password());
        partners.deleteEntry("kr-kcs.encryption");
        KeyStores.save(partners, id.keystores().partners(), id.keystores().password());
        IsolatedKeys.addPartnerCertificate(id, "kr-kcs.encryption.misfiled", krSigning);
        try (Gateway idGateway = TestGateways.start(id)) {
            String serial = krSigning.getSerialNumber().toString(16);
            assertTrue(StoredRows.alerts(idGateway).stream().anyMatch(a -> a.code().equals(ErrorCode.CERTIFICATE_NOT_TRUSTED.code())
                    && a.detail().contains("encryption certificate") && a.detail().contains(serial)
                    && a.detail().contains("lacks keyEncipherment")), "start-up alert naming the certificate and the reason");

            var e = assertThrows(IllegalStateException.class, () -> idGateway.client(TestGateways.KR_ID));
            assertTrue(e.getMessage().contains("no valid encryption certificate"), e.getMessage());

            GatewaySnapshot before = GatewaySnapshot.of(idGateway);
            var answer = kr.post(idGateway, "send-co", kr.secured(SendingPartner.sendCoPayload()).bytes());
            assertEquals(500, answer.status(), "no acknowledgement ID could not encrypt for KR: " + answer.text());
            GatewaySnapshot.assertNoInternals(answer.text());
            before.assertAlerted(ErrorCode.CERTIFICATE_NOT_TRUSTED);
            before.assertNothingStored();
        }
    }
}
