package org.coconnect.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coconnect.error.ErrorCode;

/**
 * The JSON binding's message security (docs/json-api.md), on Nimbus JOSE+JWT with explicit allowlists:
 * a compact JWS signed RS256 or PS256 whose signer is the one certificate of its x5c header, optionally
 * inside a compact JWE (RSA-OAEP-256, A256GCM). Everything else is refused before any key is used:
 * "none", HMAC (a public key used as a MAC secret), RSA1_5, keys carried or fetched by the header itself
 * (jwk, jku, x5u), compressed JWE plaintexts (zip) and critical headers we do not understand.
 */
public final class JoseMessages {

    /** Content type of a compact JWS or JWE body (RFC 7515 section 9.2.1). */
    public static final String MEDIA_TYPE = "application/jose";
    /** The JWS algorithms we sign with (the first) and accept. */
    public static final Set<JWSAlgorithm> JWS_ALGORITHMS = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.RS256);
    static final JWEAlgorithm JWE_ALGORITHM = JWEAlgorithm.RSA_OAEP_256;
    static final EncryptionMethod JWE_ENCRYPTION = EncryptionMethod.A256GCM;
    private static final List<String> SELF_KEYED = List.of("jwk", "jku", "x5u");

    private JoseMessages() {
    }

    /** A refusal of a JOSE object, with the specific code; the partner sees only the generic security code. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ErrorCode code;

        Refusal(ErrorCode code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    /** A verified JWS: who signed it, what it says, and the compact form as received (the evidence). */
    public record Verified(X509Certificate signer, byte[] payload, String compact) {
    }

    /** Signs the payload PS256 with our signing key, naming our signing certificate in x5c. */
    public static String sign(byte[] payload, PrivateKey key, X509Certificate certificate) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.PS256).contentType("json")
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded()))).build();
            var jws = new JWSObject(header, new Payload(payload));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException("the JWS cannot be signed", e);
        }
    }

    /** Encrypts a compact JWS for the recipient's encryption certificate (RSA-OAEP-256, A256GCM). */
    public static String encrypt(String jws, X509Certificate recipient) {
        try {
            var header = new JWEHeader.Builder(JWE_ALGORITHM, JWE_ENCRYPTION).contentType("JWS").build();
            var jwe = new JWEObject(header, new Payload(jws));
            jwe.encrypt(new RSAEncrypter((RSAPublicKey) recipient.getPublicKey()));
            return jwe.serialize();
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalStateException("the JWS cannot be encrypted for " + recipient.getSubjectX500Principal(), e);
        }
    }

    /** Whether a compact body is a JWE (five parts) rather than a JWS (three). */
    public static boolean isEncrypted(String compact) {
        return compact.chars().filter(c -> c == '.').count() == 4;
    }

    /** The compact JWS inside a JWE made for our encryption key, after the header is checked against the allowlist. */
    public static String decrypt(String compact, PrivateKey key) throws Refusal {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compact);
        } catch (ParseException e) {
            throw new Refusal(ErrorCode.JOSE_MALFORMED, "not a compact JWE: " + e.getMessage());
        }
        JWEHeader header = jwe.getHeader();
        if (!JWE_ALGORITHM.equals(header.getAlgorithm()) || !JWE_ENCRYPTION.equals(header.getEncryptionMethod())) {
            throw new Refusal(ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED, "JWE " + header.getAlgorithm() + " "
                    + header.getEncryptionMethod() + ", only " + JWE_ALGORITHM + " " + JWE_ENCRYPTION + " is accepted");
        }
        if (header.getCompressionAlgorithm() != null) {
            // A compressed plaintext could inflate far past the body limit the listener enforced.
            throw new Refusal(ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED, "JWE compression " + header.getCompressionAlgorithm()
                    + " is not accepted");
        }
        refuseSelfKeyed(header.toJSONObject());
        try {
            jwe.decrypt(new RSADecrypter(key));
        } catch (JOSEException e) {
            throw new Refusal(ErrorCode.JWE_REQUIRED, "the JWE cannot be decrypted with our key: " + e.getMessage());
        }
        return jwe.getPayload().toString().trim();
    }

    /**
     * Verifies a compact JWS: the algorithm in the allowlist, no key of the header's own, exactly one x5c
     * certificate, the signature valid with that certificate's key. Who the certificate belongs to is the
     * caller's question.
     */
    public static Verified verify(String compact) throws Refusal {
        Map<String, Object> rawHeader = rawHeader(compact);
        // Checked on the raw header before Nimbus builds a JWS object: "none" and HMAC never get near a key.
        Object alg = rawHeader.get("alg");
        if (!(alg instanceof String name) || !JWS_ALGORITHMS.contains(JWSAlgorithm.parse(name))) {
            throw new Refusal(ErrorCode.JOSE_ALGORITHM_NOT_ALLOWED, "JWS alg " + alg + ", only " + JWS_ALGORITHMS
                    + " are accepted");
        }
        refuseSelfKeyed(rawHeader);
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new Refusal(ErrorCode.JOSE_MALFORMED, "not a compact JWS: " + e.getMessage());
        }
        List<Base64> chain = jws.getHeader().getX509CertChain();
        if (chain == null || chain.size() != 1) {
            throw new Refusal(ErrorCode.JOSE_KEY_NOT_ACCEPTED, "x5c must hold exactly the signing certificate, it holds "
                    + (chain == null ? 0 : chain.size()));
        }
        X509Certificate signer = X509CertUtils.parse(chain.get(0).decode());
        if (signer == null || !(signer.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new Refusal(ErrorCode.JOSE_KEY_NOT_ACCEPTED, "x5c does not hold an RSA certificate");
        }
        try {
            // Nimbus refuses critical parameters it is not told to defer: we defer none.
            if (!jws.verify(new RSASSAVerifier(rsa))) {
                throw new Refusal(ErrorCode.JWS_SIGNATURE_INVALID, "signature does not verify with "
                        + signer.getSubjectX500Principal());
            }
        } catch (JOSEException e) {
            throw new Refusal(ErrorCode.JWS_SIGNATURE_INVALID, "signature cannot be verified: " + e.getMessage());
        }
        return new Verified(signer, jws.getPayload().toBytes(), compact);
    }

    private static Map<String, Object> rawHeader(String compact) throws Refusal {
        int dot = compact.indexOf('.');
        if (dot <= 0 || compact.chars().filter(c -> c == '.').count() != 2) {
            throw new Refusal(ErrorCode.JOSE_MALFORMED, "not a compact JWS (three dot-separated parts)");
        }
        try {
            String json = new com.nimbusds.jose.util.Base64URL(compact.substring(0, dot)).decodeToString();
            return com.nimbusds.jose.util.JSONObjectUtils.parse(json);
        } catch (ParseException | IllegalArgumentException e) {
            throw new Refusal(ErrorCode.JOSE_MALFORMED, "the JWS header cannot be read: " + e.getMessage());
        }
    }

    private static void refuseSelfKeyed(Map<String, Object> header) throws Refusal {
        for (String name : SELF_KEYED) {
            if (header.containsKey(name)) {
                throw new Refusal(ErrorCode.JOSE_KEY_NOT_ACCEPTED, "the header carries its own key (" + name
                        + "); the signer is named only by x5c and must be a partner's signing certificate");
            }
        }
    }
}
