package org.coconnect.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** A certificate's SHA-256 fingerprint in lower-case hex: the form pins, alerts and audit checkpoints compare. */
public final class CertificateFingerprint {
    private CertificateFingerprint() {
    }

    /** SHA-256 of the DER encoding; an unencodable certificate is the caller's to refuse. */
    public static String sha256Hex(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
