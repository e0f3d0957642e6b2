package org.coconnect.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.coconnect.config.ConfigException;
import org.coconnect.config.KeystoreConfig;

/** The gateway's key material, loaded from the three keystores: own keys (signing, encryption, TLS), partner certificates, trust anchors. */
public final class GatewayKeys {

    /** Alias of the key that signs our messages (and nothing else). */
    public static final String SIGNING_ALIAS = "signing";
    /** Alias of the key that decrypts what partners encrypt for us (and nothing else). */
    public static final String ENCRYPTION_ALIAS = "encryption";
    /** Alias of the TLS key (server and client authentication). */
    public static final String TLS_ALIAS = "tls";

    private final KeyStore own;
    private final KeyStore partners;
    private final KeyStore trust;
    private final char[] password;

    public GatewayKeys(KeyStore own, KeyStore partners, KeyStore trust, char[] password) {
        this.own = own;
        this.partners = partners;
        this.trust = trust;
        this.password = password.clone();
    }

    /** Loads the three keystores; the own keystore must hold the signing, encryption and TLS keys. */
    public static GatewayKeys load(KeystoreConfig config) {
        KeyStore own = read(config.own(), config.password());
        for (String alias : new String[] {SIGNING_ALIAS, ENCRYPTION_ALIAS, TLS_ALIAS}) {
            requireKey(own, alias, config);
        }
        return new GatewayKeys(own, read(config.partners(), config.password()), read(config.trust(), config.password()),
                config.password());
    }

    /** A keystore from before key separation has one "message" key: say how to get the three keys instead. */
    private static void requireKey(KeyStore own, String alias, KeystoreConfig config) {
        try {
            if (!own.isKeyEntry(alias)) {
                throw new ConfigException(config.own().toString(), null, "keystore has no '" + alias
                        + "' key; the gateway needs separate 'signing', 'encryption' and 'tls' keys"
                        + " (issue them with `coconnect pki issue --force`, then hand partners the new bundle)");
            }
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("keystore not loaded", e);
        }
    }

    private static KeyStore read(java.nio.file.Path file, char[] password) {
        try {
            return KeyStores.load(file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(file.toString(), null, "keystore cannot be opened: " + e.getMessage());
        }
    }

    public KeyStore own() {
        return own;
    }

    public KeyStore partners() {
        return partners;
    }

    public KeyStore trust() {
        return trust;
    }

    public char[] password() {
        return password.clone();
    }

    public X509Certificate signingCertificate() {
        return certificate(own, SIGNING_ALIAS);
    }

    public PrivateKey signingKey() {
        return key(SIGNING_ALIAS);
    }

    public X509Certificate encryptionCertificate() {
        return certificate(own, ENCRYPTION_ALIAS);
    }

    public PrivateKey encryptionKey() {
        return key(ENCRYPTION_ALIAS);
    }

    public X509Certificate tlsCertificate() {
        return certificate(own, TLS_ALIAS);
    }

    private PrivateKey key(String alias) {
        try {
            return (PrivateKey) own.getKey(alias, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("own keystore has no usable key '" + alias + "'", e);
        }
    }

    static X509Certificate certificate(KeyStore ks, String alias) {
        try {
            var cert = (X509Certificate) ks.getCertificate(alias);
            if (cert == null) {
                throw new IllegalStateException("keystore has no certificate '" + alias + "'");
            }
            return cert;
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("keystore not loaded", e);
        }
    }
}
