package org.coconnect.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.security.KeyStores;

/** A copy of a test gateway's key material that a test may change without touching the shared test PKI. */
public final class IsolatedKeys {

    private IsolatedKeys() {
    }

    /** The configuration with its keystores and credential files copied into {@code dir}. */
    public static GatewayConfig copy(GatewayConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        KeystoreConfig k = config.keystores();
        var copied = new KeystoreConfig(copyOf(k.own(), dir), copyOf(k.partners(), dir), copyOf(k.trust(), dir),
                k.password(), false, copyOf(k.inboundCredentials(), dir), copyOf(k.outboundCredentials(), dir));
        return config.withKeystores(copied);
    }

    /** Adds a certificate to the (copied) partner store under {@code alias}, e.g. {@code jp-jcb.signing}. */
    public static void addPartnerCertificate(GatewayConfig config, String alias, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        KeystoreConfig k = config.keystores();
        KeyStore partners = KeyStores.load(k.partners(), k.password());
        partners.setCertificateEntry(alias, certificate);
        KeyStores.save(partners, k.partners(), k.password());
    }

    private static Path copyOf(Path file, Path dir) throws IOException {
        Path target = dir.resolve(file.getFileName());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

}
