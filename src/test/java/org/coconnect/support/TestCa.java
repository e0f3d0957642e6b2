package org.coconnect.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.apache.wss4j.common.crypto.Merlin;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.coconnect.security.CertificateFactoryBc;
import org.coconnect.security.KeyStores;

/**
 * The test PKI's CA (target/test-pki/ca, the one every test gateway trusts), issuing message keys that
 * the demo PKI never would: for a third partner, already expired, or with the wrong key usage for their role.
 */
public final class TestCa {

    /** Key usage of a proper signing certificate: no keyEncipherment. */
    public static final int SIGNING_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    /** Key usage of a proper encryption certificate: no digitalSignature. */
    public static final int ENCRYPTION_USAGE = KeyUsage.keyEncipherment | KeyUsage.dataEncipherment;

    private static final Path DIRECTORY = Path.of("target", "test-pki", "ca").toAbsolutePath();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    /** A key pair, its certificate from the CA, and a WSS4J signer for it (trusting the CA, to open answers). */
    public record IssuedKey(X509Certificate certificate, HandMadeEnvelope.Signer signer) {
    }

    private TestCa(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** The CA that {@link TestGateways#configs} created (call that first). */
    public static TestCa load() throws Exception {
        char[] password = Files.readString(DIRECTORY.resolve("password"), StandardCharsets.UTF_8).strip().toCharArray();
        KeyStore store = KeyStores.load(DIRECTORY.resolve("ca.p12"), password);
        String alias = store.containsAlias("ca") ? "ca" : store.aliases().nextElement();
        return new TestCa((X509Certificate) store.getCertificate(alias), (PrivateKey) store.getKey(alias, password));
    }

    /**
     * A new RSA 2048 key with a certificate for {@code subject}, valid between the instants, with this key
     * usage; its signer signs with it and decrypts with it.
     */
    public IssuedKey issueKey(String subject, Instant notBefore, Instant notAfter, int keyUsage) throws Exception {
        KeyPair keys = CertificateFactoryBc.newRsaKeyPair(2048);
        var builder = new JcaX509v3CertificateBuilder(certificate, new BigInteger(96, RANDOM).abs(), Date.from(notBefore),
                Date.from(notAfter), new X500Name(subject), keys.getPublic());
        var utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        X509Certificate issued = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        char[] password = "issued".toCharArray();
        KeyStore store = KeyStores.empty();
        store.setKeyEntry("key", keys.getPrivate(), password, new Certificate[] {issued, certificate});
        KeyStore trust = KeyStores.empty();
        trust.setCertificateEntry("ca", certificate);
        var crypto = new Merlin();
        crypto.setKeyStore(store);
        crypto.setTrustStore(trust);
        return new IssuedKey(issued, new HandMadeEnvelope.Signer(crypto, "key", password));
    }

    /** The CA's CRL listing these certificates as revoked, issued now and valid for a week; the CA's state is not changed. */
    public java.security.cert.X509CRL crlRevoking(X509Certificate... revoked) {
        return crl(java.time.Duration.ofDays(7), revoked);
    }

    /** The CA's CRL listing these certificates as revoked, issued now, with its nextUpdate this far ahead. */
    public java.security.cert.X509CRL crl(java.time.Duration validity, X509Certificate... revoked) {
        return org.coconnect.security.CrlIssuer.issue(certificate, key,
                java.util.Arrays.stream(revoked).map(X509Certificate::getSerialNumber).toList(),
                Instant.now().minusSeconds(5), validity);
    }
}
