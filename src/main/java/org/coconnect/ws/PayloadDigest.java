package org.coconnect.ws;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.utils.UnsyncByteArrayOutputStream;
import org.w3c.dom.Element;

/**
 * The payload as stored and digested: the exclusive canonical form of the request element, so a
 * re-signed, re-encrypted retry of the same message has the same digest.
 */
public record PayloadDigest(byte[] canonical, byte[] sha256) {

    static final String ALGORITHM_URI = "http://www.w3.org/2001/04/xmlenc#sha256";

    static {
        // Santuario registers its canonicalizers here; WSS4J does it too, but a CO may be read before any message is.
        org.apache.xml.security.Init.init();
    }

    /** The exclusive canonical form of {@code payload} and its SHA-256, as the acknowledgement states it. */
    public static PayloadDigest of(Element payload) {
        try {
            // The canonicalizer writes text a byte at a time: a ByteArrayOutputStream would take its lock for each.
            var out = new UnsyncByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(payload, out);
            byte[] canonical = out.toByteArray();
            return new PayloadDigest(canonical, MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        } catch (Exception e) {
            throw new IllegalStateException("payload cannot be canonicalized", e);
        }
    }
}
