package org.coconnect.security;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.coconnect.config.SecurityProfile;

/**
 * The CXF/WSS4J settings that go with the WSDL's policy: which keys, and the exact algorithms behind
 * {@code sp:CustomAlgorithmSuite} (AES-256-GCM, RSA-OAEP, RSA-SHA256, SHA-256, RSA keys of 2048 bits or more), and
 * those of the legacy CBC profile's {@code sp:Basic256Sha256} with RSA-SHA256 signatures.
 */
public final class WsSecurityProperties {

    public static final String AES_256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String AES_256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    private static final String SUITE = "ws-security.custom.alg.suite.";

    private WsSecurityProperties() {
    }

    /**
     * Settings for our endpoints: decrypt with our encryption key, verify partners, sign the answer with our
     * signing key and encrypt it for the requesting partner's encryption certificate, which the endpoint
     * names once it knows the partner ({@link #encryptAnswerFor}).
     */
    public static Map<String, Object> server(GatewayKeys keys, Crypto crypto, Duration timestampTtl, Duration futureSkew) {
        return server(keys, crypto, timestampTtl, futureSkew, SecurityProfile.STANDARD);
    }

    /** Server settings for the endpoints of one profile. */
    public static Map<String, Object> server(GatewayKeys keys, Crypto crypto, Duration timestampTtl, Duration futureSkew,
                                             SecurityProfile profile) {
        Map<String, Object> p = common(keys, crypto, profile);
        // Only a fault to a partner without a valid encryption certificate goes out without the endpoint
        // naming one: it is encrypted for the certificate that signed the request, the only one we have.
        p.put(SecurityConstants.ENCRYPT_USERNAME, "useReqSigCert");
        p.put(SecurityConstants.TIMESTAMP_TTL, String.valueOf(timestampTtl.toSeconds()));
        p.put(SecurityConstants.TIMESTAMP_FUTURE_TTL, String.valueOf(futureSkew.toSeconds()));
        p.put(SecurityConstants.ENABLE_TIMESTAMP_CACHE, Boolean.TRUE);
        return p;
    }

    /**
     * Names the certificate the answer to this request (acknowledgement or fault) is encrypted for; it
     * wins over the server's fallback. Put on the exchange, where CXF's security handlers look it up.
     */
    public static void encryptAnswerFor(Map<String, Object> exchange, X509Certificate partnerEncryptionCertificate) {
        exchange.put(SecurityConstants.ENCRYPT_CERT, partnerEncryptionCertificate);
    }

    /** Settings for calling a partner: sign with our signing key, encrypt for the partner's current encryption certificate. */
    public static Map<String, Object> client(GatewayKeys keys, Crypto crypto, X509Certificate partnerEncryptionCertificate,
                                             Duration timestampTtl, Duration futureSkew, SecurityProfile profile) {
        Map<String, Object> p = common(keys, crypto, profile);
        p.put(SecurityConstants.ENCRYPT_CERT, partnerEncryptionCertificate);
        p.put(SecurityConstants.TIMESTAMP_TTL, String.valueOf(timestampTtl.toSeconds()));
        p.put(SecurityConstants.TIMESTAMP_FUTURE_TTL, String.valueOf(futureSkew.toSeconds()));
        return p;
    }

    /**
     * Makes every endpoint on this bus use one replay cache (signed Timestamps already seen) instead of a cache per
     * endpoint in this JVM's memory: CXF reads the instance as a contextual property, which includes the bus's.
     */
    public static void shareReplayCache(org.apache.cxf.Bus bus, org.apache.wss4j.common.cache.ReplayCache cache) {
        bus.setProperty(SecurityConstants.TIMESTAMP_CACHE_INSTANCE, cache);
    }

    private static Map<String, Object> common(GatewayKeys keys, Crypto crypto, SecurityProfile profile) {
        Map<String, Object> p = new HashMap<>();
        p.put(SecurityConstants.SIGNATURE_CRYPTO, crypto);
        p.put(SecurityConstants.ENCRYPT_CRYPTO, crypto);
        p.put(SecurityConstants.SIGNATURE_USERNAME, GatewayKeys.SIGNING_ALIAS);
        p.put(SecurityConstants.CALLBACK_HANDLER, passwordCallback(keys.password()));
        p.put(SecurityConstants.RETURN_SECURITY_ERROR, Boolean.FALSE);
        if (profile == SecurityProfile.LEGACY_CBC) {
            // sp:Basic256Sha256 fixes AES-256-CBC, RSA-OAEP and SHA-256 but signs with RSA-SHA1: raise that,
            // both for what we send and for what we accept.
            p.put(SecurityConstants.ASYMMETRIC_SIGNATURE_ALGORITHM, RSA_SHA256);
            return p;
        }
        p.put(SUITE + "digest.algorithm", SHA256);
        p.put(SUITE + "encryption.algorithm", AES_256_GCM);
        p.put(SUITE + "asymmetric.key.encryption.algorithm", RSA_OAEP);
        p.put(SUITE + "asymmetric.signature", RSA_SHA256);
        // Must be an Integer: CXF casts it, and a String fails with a ClassCastException.
        p.put(SUITE + "minimum.asymmetric.key.length", Integer.valueOf(2048));
        return p;
    }

    private static CallbackHandler passwordCallback(char[] password) {
        String value = new String(password);
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(value);
                }
            }
        };
    }
}
