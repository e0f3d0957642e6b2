package org.coconnect.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * What administrations hand each other to become partners: certificates only, as PEM files in a
 * directory: {@code <id>.signing.pem}, {@code <id>.encryption.pem}, {@code <id>.tls.pem} and
 * {@code <id>.ca-<n>.pem} (trust anchors).
 */
public final class PartnerBundle {

    /** The roles of a partner's certificates, as they appear in file names and aliases. */
    private static final List<String> ROLES = List.of(GatewayKeys.SIGNING_ALIAS, GatewayKeys.ENCRYPTION_ALIAS,
            GatewayKeys.TLS_ALIAS);

    private PartnerBundle() {
    }

    /** Writes our public certificates and trust anchors; never a private key. */
    public static List<Path> export(GatewayKeys keys, String selfId, Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        var written = new ArrayList<Path>();
        written.add(writePem(directory.resolve(selfId + ".signing.pem"), keys.signingCertificate()));
        written.add(writePem(directory.resolve(selfId + ".encryption.pem"), keys.encryptionCertificate()));
        written.add(writePem(directory.resolve(selfId + ".tls.pem"), keys.tlsCertificate()));
        int n = 1;
        for (String alias : Collections.list(keys.trust().aliases())) {
            written.add(writePem(directory.resolve(selfId + ".ca-" + n++ + ".pem"),
                    (X509Certificate) keys.trust().getCertificate(alias)));
        }
        return written;
    }

    /**
     * Adds a partner's certificates to our partner store (aliases {@code <id>.signing.<serial>},
     * {@code <id>.encryption.<serial>} and {@code <id>.tls.<serial>}, so an old and a new certificate of
     * each role live side by side during a rotation)
     * and its trust anchors to our trust store. Returns the aliases added.
     */
    public static List<String> importInto(Path directory, String partnerId, KeyStore partners, KeyStore trust)
            throws IOException, GeneralSecurityException {
        var added = new ArrayList<String>();
        String prefix = partnerId.toLowerCase(Locale.ROOT);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(partnerId + ".")).sorted().toList()) {
                String name = file.getFileName().toString();
                X509Certificate cert = readPem(file);
                String serial = cert.getSerialNumber().toString(16);
                String alias;
                String role = ROLES.stream().filter(r -> name.endsWith("." + r + ".pem")).findFirst().orElse(null);
                if (role != null) {
                    alias = prefix + "." + role + "." + serial;
                    partners.setCertificateEntry(alias, cert);
                } else if (name.contains(".ca-") && name.endsWith(".pem")) {
                    alias = prefix + "-ca-" + serial;
                    trust.setCertificateEntry(alias, cert);
                } else {
                    continue;
                }
                added.add(alias);
            }
        }
        return added;
    }

    private static Path writePem(Path file, X509Certificate cert) throws IOException {
        var text = new StringWriter();
        try (var pem = new JcaPEMWriter(text)) {
            pem.writeObject(cert);
        }
        Files.writeString(file, text.toString());
        return file;
    }

    static X509Certificate readPem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
