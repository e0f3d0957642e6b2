package org.coconnect.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The cryptography a message costs, with plain JCA and nothing else, one thread. The policy signs and
 * encrypts both the request and the acknowledgement, so each side does one RSA sign, one RSA-OAEP
 * decrypt, one verify and one RSA-OAEP encrypt, plus AES-256-GCM and SHA-256 over the payload.
 */
final class CryptoCost {

    /** Milliseconds per operation, measured in one thread. */
    record Costs(double signMs, double decryptMs, double verifyMs, double encryptMs) {

        /** The receiving gateway's share: decrypt the request key, verify, sign and encrypt the ack. */
        double serverRsaMs() {
            return signMs + decryptMs + verifyMs + encryptMs;
        }

        /** Both sides on one machine, as in the benchmark. */
        double loopRsaMs() {
            return 2 * serverRsaMs();
        }
    }

    private static final long MEASURE_NANOS = 500_000_000L;
    private final KeyPair keys;
    private final SecureRandom random = new SecureRandom();

    CryptoCost() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Costs rsa() throws GeneralSecurityException {
        byte[] signedInfo = new byte[600];
        random.nextBytes(signedInfo);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        byte[] signature = sign(signer, signedInfo);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        // rsa-oaep-mgf1p: OAEP with SHA-1 and MGF1-SHA-1, wrapping a 256-bit AES key.
        var oaep = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
        Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, keys.getPublic(), oaep);
        byte[] sessionKey = new byte[32];
        random.nextBytes(sessionKey);
        byte[] wrapped = encrypt.doFinal(sessionKey);
        Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        decrypt.init(Cipher.DECRYPT_MODE, keys.getPrivate(), oaep);
        return new Costs(
                millisPerOp(() -> sign(signer, signedInfo)),
                millisPerOp(() -> decrypt.doFinal(wrapped)),
                millisPerOp(() -> verify(verifier, signedInfo, signature)),
                millisPerOp(() -> encrypt.doFinal(sessionKey)));
    }

    /** AES-256-GCM encrypt + decrypt and two SHA-256 digests over a payload of this size, per side. */
    double symmetricMs(int payloadBytes) throws GeneralSecurityException {
        byte[] payload = new byte[payloadBytes];
        random.nextBytes(payload);
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        return millisPerOp(() -> {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = gcm.doFinal(payload);
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            gcm.doFinal(sealed);
            sha256.digest(payload);
            return sha256.digest(payload);
        });
    }

    private static byte[] sign(Signature signer, byte[] data) throws GeneralSecurityException {
        signer.update(data);
        return signer.sign();
    }

    private static boolean verify(Signature verifier, byte[] data, byte[] signature) throws GeneralSecurityException {
        verifier.update(data);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("signature does not verify");
        }
        return true;
    }

    private interface Op {
        Object run() throws GeneralSecurityException;
    }

    /** Warms up for a fifth of the time, then counts operations for the rest. */
    private static double millisPerOp(Op op) throws GeneralSecurityException {
        long warmupEnd = System.nanoTime() + MEASURE_NANOS / 5;
        while (System.nanoTime() < warmupEnd) {
            op.run();
        }
        long start = System.nanoTime();
        long count = 0;
        long now;
        do {
            op.run();
            count++;
            now = System.nanoTime();
        } while (now - start < MEASURE_NANOS);
        return (now - start) / 1e6 / count;
    }
}
