package org.coconnect.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Loading and saving PKCS#12 keystores. */
public final class KeyStores {

    private KeyStores() {
    }

    public static KeyStore empty() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS#12 keystores are unavailable", e);
        }
    }

    public static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    /** Saves the keystore readable by its owner only (see {@link PrivateFiles}), replacing the file in one step. */
    public static void save(KeyStore ks, Path file, char[] password) throws IOException, GeneralSecurityException {
        var bytes = new ByteArrayOutputStream();
        ks.store(bytes, password);
        PrivateFiles.write(file, bytes.toByteArray());
    }
}
