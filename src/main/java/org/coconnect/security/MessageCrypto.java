package org.coconnect.security;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.util.Collections;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * Builds the WSS4J crypto: our own keystore for signing and decrypting, and a trust store made of the
 * partner certificates and trust anchors for verifying signatures.
 */
public final class MessageCrypto {

    private MessageCrypto() {
    }

    public static Crypto create(GatewayKeys keys) {
        var merlin = new Merlin();
        merlin.setKeyStore(keys.own());
        merlin.setTrustStore(merged(keys.partners(), keys.trust()));
        return merlin;
    }

    static KeyStore merged(KeyStore partners, KeyStore trust) {
        KeyStore merged = KeyStores.empty();
        try {
            for (KeyStore source : new KeyStore[] {partners, trust}) {
                for (String alias : Collections.list(source.aliases())) {
                    Certificate cert = source.getCertificate(alias);
                    if (cert != null) {
                        merged.setCertificateEntry(alias, cert);
                    }
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("keystores not loaded", e);
        }
        return merged;
    }
}
