package org.coconnect.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.coconnect.Gateway;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.domain.Operation;
import org.coconnect.error.ErrorCode;
import org.coconnect.support.GatewaySnapshot;
import org.coconnect.support.JsonPartner;
import org.coconnect.support.MutualTlsSoapClient;
import org.coconnect.support.SendingPartner;
import org.coconnect.support.TestGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JOSE attacks on the JSON API (docs/attack-suite.md), each sent as KR-KCS over its real mutual TLS and
 * login to ID-DJBC, where KR is a JSON partner: each is answered 403 with the generic CC-1000, stores
 * nothing, and raises one alert with the specific code. The positive control proves the same JWS, made
 * right, is ACCEPTED.
 */
class JoseAttackIT {

    @TempDir
    static Path dir;
    static Gateway id;
    static JsonPartner kr;

    @BeforeAll
    static void start() {
        var configs = JsonPartner.onJson(TestGateways.configs(dir), false);
        kr = JsonPartner.kr(configs.get(0));
        id = TestGateways.start(configs.get(1));
    }

    @AfterAll
    static void stop() {
        if (id != null) {
            id.close();
        }
    }

    private static byte[] payload() throws Exception {
        return kr.json(Operation.SEND_CO, SendingPartner.sendCoPayload());
    }

    private static List<Base64> krChain() throws Exception {
        return List.of(Base64.encode(kr.keys().signingCertificate().getEncoded()));
    }

    @Test
    void aCorrectlySignedJwsIsAccepted() throws Exception {
        var ack = kr.acknowledgement(kr.post(id, Operation.SEND_CO, kr.signed(payload())));
        assertEquals(AcknowledgementStatus.ACCEPTED, ack.status(), () -> ack.problems().toString());
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"x5c\":[\"" + krChain().get(0) + "\"]}").toString();
        assertRefused(header + "." + Base64URL.encode(payload()) + ".", ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hmacKeyedWithOurPublicSigningKeyIsRefused() throws Exception {
        // The classic confusion: a verifier that takes "the key" for the alg given would MAC with a public key.
        byte[] publicKey = kr.keys().signingCertificate().getPublicKey().getEncoded();
        var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).x509CertChain(krChain()).build(),
                new Payload(payload()));
        jws.sign(new MACSigner(publicKey));
        assertRefused(jws.serialize(), ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsa15KeyTransportInTheJweIsRefused() throws Exception {
        var jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A256GCM).build(),
                new Payload(kr.signed(payload())));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) kr.idEncryptionCertificate().getPublicKey()));
        assertRefused(jwe.serialize(), ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aCompressedJweIsRefused() throws Exception {
        // A DEFLATE bomb would inflate far past the body limit checked before reading.
        var jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF).build(), new Payload(kr.signed(payload())));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) kr.idEncryptionCertificate().getPublicKey()));
        assertRefused(jwe.serialize(), ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aKeyEmbeddedAsJwkIsRefused() throws Exception {
        // The attacker signs with its own key and hands it over in the header, next to KR's certificate.
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var attacker = generator.generateKeyPair();
        var jwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build();
        var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).jwk(jwk).x509CertChain(krChain()).build(),
                new Payload(payload()));
        jws.sign(new RSASSASigner(attacker.getPrivate()));
        assertRefused(jws.serialize(), ErrorCode.JOSE_KEY_NOT_ACCEPTED);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = kr.signed(payload()).split("\\.");
        String other = Base64URL.encode(payload()).toString();
        assertRefused(parts[0] + "." + other + "." + parts[2], ErrorCode.JWS_SIGNATURE_INVALID);
    }

    @Test
    void aJwsWithoutX5cIsRefused() throws Exception {
        var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).build(), new Payload(payload()));
        jws.sign(new RSASSASigner(kr.keys().signingKey()));
        assertRefused(jws.serialize(), ErrorCode.JOSE_KEY_NOT_ACCEPTED);
    }

    @Test
    void aJwsSignedWithTheTlsKeyInsteadOfTheSigningKeyIsRefused() throws Exception {
        var jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256)
                .x509CertChain(List.of(Base64.encode(kr.keys().tlsCertificate().getEncoded()))).build(),
                new Payload(payload()));
        jws.sign(new RSASSASigner((java.security.PrivateKey) kr.keys().own().getKey("tls", kr.keys().password())));
        assertRefused(jws.serialize(), ErrorCode.CERTIFICATE_NOT_TRUSTED);
    }

    private static void assertRefused(String body, ErrorCode expected) {
        var snapshot = GatewaySnapshot.of(id);
        MutualTlsSoapClient.Response answer = kr.post(id, Operation.SEND_CO, body);
        assertEquals(403, answer.status(), answer::text);
        assertEquals("{\"code\":\"CC-1000\",\"text\":\"" + ErrorCode.SECURITY_FAILURE.partnerText() + "\"}",
                new String(answer.body(), StandardCharsets.UTF_8));
        GatewaySnapshot.assertNoInternals(answer.text());
        snapshot.assertNothingStored();
        snapshot.assertAlerted(expected);
    }
}
