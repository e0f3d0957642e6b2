package org.coconnect.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.coconnect.security.CertificateFingerprint;

/**
 * One signed checkpoint of the audit chain: the head's sequence number and hash at a moment, signed with the
 * gateway's signing key. A line of the checkpoint file: {@code v1 <seq> <hash> <time> <cert-sha256> <signature>}.
 *
 * @param certificate SHA-256 fingerprint (hex) of the certificate whose key signed it, so a verifier can tell
 *                    which certificate to use after a key rollover
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String certificate, byte[] signature) {

    private static final String VERSION = "v1";

    /** Signs the head (seq, hash) as of {@code at}. */
    public static AuditCheckpoint sign(long seq, String hash, Instant at, PrivateKey key, X509Certificate cert) {
        try {
            Signature signer = Signature.getInstance(algorithm(key.getAlgorithm()));
            signer.initSign(key);
            signer.update(signedText(seq, hash, at));
            return new AuditCheckpoint(seq, hash, at, fingerprint(cert), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key cannot sign an audit checkpoint", e);
        }
    }

    /** True when this checkpoint was signed by the key of this certificate. */
    public boolean signedBy(X509Certificate cert) {
        if (!certificate.equals(fingerprint(cert))) {
            return false;
        }
        try {
            PublicKey key = cert.getPublicKey();
            Signature verifier = Signature.getInstance(algorithm(key.getAlgorithm()));
            verifier.initVerify(key);
            verifier.update(signedText(seq, hash, at));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The line written to the checkpoint file. */
    public String line() {
        return String.join(" ", VERSION, Long.toString(seq), hash, at.toString(), certificate,
                Base64.getEncoder().encodeToString(signature));
    }

    /** Reads one line of the checkpoint file; a malformed line is an error, not something to skip. */
    public static AuditCheckpoint parse(String line) {
        String[] fields = line.strip().split(" ");
        if (fields.length != 6 || !VERSION.equals(fields[0])) {
            throw new IllegalArgumentException("not a v1 audit checkpoint line");
        }
        try {
            return new AuditCheckpoint(Long.parseLong(fields[1]), fields[2], Instant.parse(fields[3]), fields[4],
                    Base64.getDecoder().decode(fields[5]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed audit checkpoint line: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the certificate's DER encoding, in hex. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return CertificateFingerprint.sha256Hex(cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // A fixed prefix keeps a checkpoint signature from being mistaken for a signature over anything else.
    private static byte[] signedText(long seq, String hash, Instant at) {
        return String.join("\u001f", "coconnect-audit-checkpoint", VERSION, Long.toString(seq), hash, at.toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String algorithm(String keyAlgorithm) {
        return "EC".equals(keyAlgorithm) ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
