package org.coconnect.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Key and trust managers for TLS: our TLS key only, and trust in the anchors plus partners' TLS certificates. */
public final class TlsMaterial {

    /** TLS versions we speak; anything older is refused. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Cipher suites: TLS 1.3's, and for TLS 1.2 only forward-secret AEAD suites (ECDHE with AES-GCM or
     * ChaCha20-Poly1305); no CBC, no static RSA key exchange.
     */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsMaterial() {
    }

    public static KeyManager[] keyManagers(GatewayKeys keys) {
        try {
            // Only the TLS key: the message key must never be offered in a handshake.
            KeyStore tlsOnly = KeyStores.empty();
            char[] password = keys.password();
            tlsOnly.setKeyEntry(GatewayKeys.TLS_ALIAS, keys.own().getKey(GatewayKeys.TLS_ALIAS, password), password,
                    keys.own().getCertificateChain(GatewayKeys.TLS_ALIAS));
            var factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(tlsOnly, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS key cannot be loaded", e);
        }
    }

    public static TrustManager[] trustManagers(GatewayKeys keys, List<X509Certificate> partnerTlsCertificates) {
        try {
            KeyStore trust = MessageCrypto.merged(KeyStores.empty(), keys.trust());
            int i = 0;
            for (X509Certificate cert : partnerTlsCertificates) {
                trust.setCertificateEntry("partner-tls-" + i++, cert);
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS trust cannot be loaded", e);
        }
    }
}
