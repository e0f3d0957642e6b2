package org.coconnect.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coconnect.config.GatewayConfig;

/**
 * A small CA kept in a directory: {@code ca.p12}, its {@code password}, and {@code revoked.txt}
 * (one hexadecimal serial number per line). It issues each gateway's signing, encryption and TLS keys and
 * publishes a CRL.
 */
public final class CertificateAuthority {

    static final String ALIAS = "ca";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration CERT_VALIDITY = Duration.ofDays(730);

    private final Path directory;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(Path directory, X509Certificate certificate, PrivateKey key) {
        this.directory = directory;
        this.certificate = certificate;
        this.key = key;
    }

    public static boolean existsIn(Path directory) {
        return Files.isRegularFile(directory.resolve("ca.p12")) && Files.isRegularFile(directory.resolve("password"));
    }

    /** A new CA (RSA 3072) with a random password kept beside it. */
    public static CertificateAuthority create(Path directory, String distinguishedName)
            throws IOException, GeneralSecurityException {
        if (existsIn(directory)) {
            throw new IllegalStateException("a CA already exists in " + directory);
        }
        char[] password = RandomSecret.hex(18).toCharArray();
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(3072);
        X509Certificate cert = CertificateFactoryBc.selfSignedCa(distinguishedName, keys, CA_VALIDITY);
        KeyStore ks = KeyStores.empty();
        ks.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {cert});
        PrivateFiles.createDirectories(directory);
        CredentialFiles.append(directory.resolve("password"), new String(password));
        KeyStores.save(ks, directory.resolve("ca.p12"), password);
        return new CertificateAuthority(directory, cert, keys.getPrivate());
    }

    public static CertificateAuthority load(Path directory) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(directory.resolve("password"), StandardCharsets.UTF_8).strip().toCharArray();
        KeyStore ks = KeyStores.load(directory.resolve("ca.p12"), password);
        String alias = ks.containsAlias(ALIAS) ? ALIAS : ks.aliases().nextElement();
        return new CertificateAuthority(directory, (X509Certificate) ks.getCertificate(alias),
                (PrivateKey) ks.getKey(alias, password));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's private key, for this package's issuers only. */
    PrivateKey key() {
        return key;
    }

    /** One end-entity certificate for the given key, e.g. a new signing or encryption key during a rotation. */
    public X509Certificate issue(String distinguishedName, KeyPair keys, CertificateFactoryBc.Purpose purpose,
                                 String... dnsNames) {
        return CertificateFactoryBc.issue(distinguishedName, keys, purpose, certificate, key, CERT_VALIDITY, dnsNames);
    }

    /**
     * A gateway's own keystore: three keys, each with its own certificate and key usage, so that no key
     * serves two roles: signing (XML signatures), encryption (what partners encrypt for us) and TLS.
     */
    public KeyStore issueGatewayKeys(GatewayConfig gateway) throws GeneralSecurityException {
        String subject = ", O=" + gateway.self().authorityId() + ", C=" + gateway.self().countryCode();
        char[] password = gateway.keystores().password();
        KeyStore own = KeyStores.empty();
        addKey(own, password, GatewayKeys.SIGNING_ALIAS, "CN=" + gateway.selfId() + " signing" + subject,
                CertificateFactoryBc.Purpose.SIGNING);
        addKey(own, password, GatewayKeys.ENCRYPTION_ALIAS, "CN=" + gateway.selfId() + " encryption" + subject,
                CertificateFactoryBc.Purpose.ENCRYPTION);
        String host = tlsHostName(gateway);
        addKey(own, password, GatewayKeys.TLS_ALIAS, "CN=" + host + ", OU=" + gateway.selfId() + subject,
                CertificateFactoryBc.Purpose.TLS, host);
        return own;
    }

    private void addKey(KeyStore own, char[] password, String alias, String distinguishedName,
                        CertificateFactoryBc.Purpose purpose, String... dnsNames) throws GeneralSecurityException {
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(2048);
        X509Certificate cert = issue(distinguishedName, keys, purpose, dnsNames);
        own.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {cert, certificate});
    }

    /** The name partners reach us by: localhost for a loopback gateway (the demo), else the bind address. */
    private static String tlsHostName(GatewayConfig gateway) {
        String host = gateway.bindHost();
        return host.startsWith("127.") || host.equals("::1") || host.equals("localhost") ? "localhost" : host;
    }

    /** Records a certificate as revoked; it appears in every CRL issued from now on. */
    public void revoke(BigInteger serial) throws IOException {
        CredentialFiles.append(directory.resolve("revoked.txt"), serial.toString(16));
    }

    public List<BigInteger> revoked() throws IOException {
        Path file = directory.resolve("revoked.txt");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> new BigInteger(s, 16)).toList();
    }

    public X509CRL crl(Instant now, Duration validity) throws IOException {
        return CrlIssuer.issue(certificate, key, revoked(), now, validity);
    }
}
