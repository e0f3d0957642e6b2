package org.coconnect.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.coconnect.config.ConfigException;

/** Certificate revocation lists (PEM or DER files ending in .crl) from a directory. */
public final class Crls {

    private Crls() {
    }

    public static List<X509CRL> load(Path directory) {
        var crls = new ArrayList<X509CRL>();
        if (!Files.isDirectory(directory)) {
            return crls;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".crl")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    crls.add((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
                } catch (CRLException | CertificateException e) {
                    throw new ConfigException(file.toString(), null, "is not a readable CRL: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ConfigException(directory.toString(), null, "cannot be listed: " + e.getMessage());
        }
        return crls;
    }
}
