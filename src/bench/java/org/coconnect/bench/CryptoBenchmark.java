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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cryptography of one message in plain JCA, one thread (JMH): RSA-2048 SHA256withRSA sign and
 * verify, RSA-OAEP (mgf1p) unwrap and wrap of a 256-bit key, and per payload size AES-256-GCM encrypt
 * and decrypt plus two SHA-256 digests.
 */
@State(Scope.Thread)
public class CryptoBenchmark {

    /** Payload bytes for {@link #symmetric()}; the RSA operations ignore it (run them with one value). */
    @Param("19354")
    public int payloadBytes;

    private final SecureRandom random = new SecureRandom();
    private Signature signer;
    private Signature verifier;
    private Cipher wrap;
    private Cipher unwrap;
    private byte[] signedInfo;
    private byte[] signature;
    private byte[] sessionKey;
    private byte[] wrapped;
    private byte[] payload;
    private SecretKey aesKey;
    private MessageDigest sha256;

    @Setup
    public void setUp() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        signedInfo = bytes(600);
        signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signature = sign();
        verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        var oaep = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
        wrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
        wrap.init(Cipher.ENCRYPT_MODE, keys.getPublic(), oaep);
        unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
        unwrap.init(Cipher.DECRYPT_MODE, keys.getPrivate(), oaep);
        sessionKey = bytes(32);
        wrapped = wrap.doFinal(sessionKey);
        payload = bytes(payloadBytes);
        var aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        aesKey = aes.generateKey();
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Benchmark
    public byte[] sign() throws GeneralSecurityException {
        signer.update(signedInfo);
        return signer.sign();
    }

    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        verifier.update(signedInfo);
        return verifier.verify(signature);
    }

    @Benchmark
    public byte[] oaepDecrypt() throws GeneralSecurityException {
        return unwrap.doFinal(wrapped);
    }

    @Benchmark
    public byte[] oaepEncrypt() throws GeneralSecurityException {
        return wrap.doFinal(sessionKey);
    }

    @Benchmark
    public byte[] symmetric() throws GeneralSecurityException {
        byte[] iv = bytes(12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
        byte[] sealed = gcm.doFinal(payload);
        gcm.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
        gcm.doFinal(sealed);
        sha256.digest(payload);
        return sha256.digest(payload);
    }
}
