package org.coconnect.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * Builds the WSS4J crypto: our signing and encryption keys (never the TLS key), and a trust store made
 * of the partner certificates and trust anchors for verifying signatures. Each key serves its role
 * only: WSS4J signs with a key it asks for by alias, and decrypts with the key matching the certificate
 * an EncryptedKey names, so a signature by any key but the signing key, and a decryption with any key
 * but the encryption key, are refused here.
 */
public final class MessageCrypto extends Merlin {

    /** Our encryption certificates and their keys: the current one, and during a rotation the previous ones. */
    private volatile Map<X509Certificate, PrivateKey> decryptionKeys;

    private MessageCrypto(Map<X509Certificate, PrivateKey> decryptionKeys) {
        this.decryptionKeys = Map.copyOf(decryptionKeys);
    }

    public static Crypto create(GatewayKeys keys) {
        KeyStore messageKeys = messageKeysOnly(keys);
        var crypto = new MessageCrypto(decryptionKeys(messageKeys, keys.password()));
        crypto.setKeyStore(messageKeys);
        crypto.setTrustStore(merged(keys.partners(), keys.trust()));
        return crypto;
    }

    /**
     * A reload: our message keys, the partner certificates and the trust anchors of {@code keys} from now on.
     * Applies to {@code crypto} made by {@link #create}; the trust store first, so a certificate added with
     * overlap is known before anything depends on it.
     */
    public static void adopt(Crypto crypto, GatewayKeys keys) {
        MessageCrypto own = (MessageCrypto) crypto;
        KeyStore messageKeys = messageKeysOnly(keys);
        var decryption = Map.copyOf(decryptionKeys(messageKeys, keys.password()));
        synchronized (own) {
            own.setTrustStore(merged(keys.partners(), keys.trust()));
            own.decryptionKeys = decryption;
            own.setKeyStore(messageKeys);
        }
    }

    /** WSS4J asks for the signing key by alias (Merlin's own look-ups by certificate are replaced below). */
    @Override
    public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
        if (!GatewayKeys.SIGNING_ALIAS.equals(identifier)) {
            throw refused("a signature was asked of key '" + identifier + "'; only the signing key signs");
        }
        return super.getPrivateKey(identifier, password);
    }

    /** Decryption: the EncryptedKey named this certificate; only our encryption certificate has a key here. */
    @Override
    public PrivateKey getPrivateKey(X509Certificate certificate, CallbackHandler callbackHandler) throws WSSecurityException {
        PrivateKey key = decryptionKeys.get(certificate);
        if (key == null) {
            throw refused("the message was encrypted for " + certificate.getSubjectX500Principal()
                    + ", not for one of our encryption certificates");
        }
        return key;
    }

    @Override
    public PrivateKey getPrivateKey(PublicKey publicKey, CallbackHandler callbackHandler) throws WSSecurityException {
        return decryptionKeys.entrySet().stream().filter(e -> e.getKey().getPublicKey().equals(publicKey))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> refused("the message was encrypted for a key other than our encryption keys"));
    }

    private static WSSecurityException refused(String reason) {
        return new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK, new WrongKeyRoleException(reason));
    }

    /**
     * The signing key and the encryption keys: {@code encryption}, and during a rotation the previous
     * ones kept as {@code encryption.<anything>} so that partners who still encrypt for the old
     * certificate are understood until they have the new one. Never the TLS key.
     */
    private static KeyStore messageKeysOnly(GatewayKeys keys) {
        KeyStore store = KeyStores.empty();
        char[] password = keys.password();
        try {
            for (String alias : Collections.list(keys.own().aliases())) {
                if (alias.equals(GatewayKeys.SIGNING_ALIAS) || isEncryptionAlias(alias)) {
                    store.setKeyEntry(alias, keys.own().getKey(alias, password), password, keys.own().getCertificateChain(alias));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("message keys cannot be loaded", e);
        }
        return store;
    }

    private static boolean isEncryptionAlias(String alias) {
        return alias.equals(GatewayKeys.ENCRYPTION_ALIAS) || alias.startsWith(GatewayKeys.ENCRYPTION_ALIAS + ".");
    }

    private static Map<X509Certificate, PrivateKey> decryptionKeys(KeyStore messageKeys, char[] password) {
        var keys = new HashMap<X509Certificate, PrivateKey>();
        try {
            for (String alias : Collections.list(messageKeys.aliases())) {
                if (isEncryptionAlias(alias)) {
                    keys.put((X509Certificate) messageKeys.getCertificate(alias), (PrivateKey) messageKeys.getKey(alias, password));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption keys cannot be loaded", e);
        }
        return keys;
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

    /** A key was asked for a role it does not have: decryption with the signing key, or the other way round. */
    public static final class WrongKeyRoleException extends GeneralSecurityException {
        private static final long serialVersionUID = 1L;

        WrongKeyRoleException(String reason) {
            super(reason);
        }
    }
}
