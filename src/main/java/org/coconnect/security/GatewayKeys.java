package org.coconnect.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.coconnect.config.ConfigException;
import org.coconnect.config.KeystoreConfig;

/** The gateway's key material, loaded from the three keystores: own keys, partner certificates, trust anchors. */
public final class GatewayKeys {

    /** Alias of the key that signs our messages and decrypts what partners encrypt for us. */
    public static final String MESSAGE_ALIAS = "message";
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

    public static GatewayKeys load(KeystoreConfig config) {
        return new GatewayKeys(read(config.own(), config.password()), read(config.partners(), config.password()),
                read(config.trust(), config.password()), config.password());
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

    public X509Certificate messageCertificate() {
        return certificate(own, MESSAGE_ALIAS);
    }

    public PrivateKey messageKey() {
        return key(MESSAGE_ALIAS);
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
