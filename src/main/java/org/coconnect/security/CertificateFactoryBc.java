package org.coconnect.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues X.509 certificates with BouncyCastle: a CA, and end-entity certificates with the right key usage. */
public final class CertificateFactoryBc {

    /** What an end-entity certificate is for; decides its key usage and extended key usage. */
    public enum Purpose {
        /** XML signatures: digitalSignature and nonRepudiation, nothing else. */
        SIGNING,
        /** XML encryption key transport: keyEncipherment and dataEncipherment, nothing else. */
        ENCRYPTION,
        /** TLS server and client authentication: digitalSignature and keyEncipherment, EKU serverAuth and clientAuth. */
        TLS
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateFactoryBc() {
    }

    public static KeyPair newRsaKeyPair(int bits) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    /** A self-signed CA certificate. */
    public static X509Certificate selfSignedCa(String distinguishedName, KeyPair keys, Duration validity) {
        var subject = new X500Name(distinguishedName);
        try {
            var builder = builder(subject, subject, keys, validity);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("Could not issue CA certificate " + distinguishedName, e);
        }
    }

    /** An end-entity certificate signed by the CA, for one purpose. */
    public static X509Certificate issue(String distinguishedName, KeyPair subjectKeys, Purpose purpose,
                                        X509Certificate caCert, PrivateKey caKey, Duration validity, String... dnsNames) {
        try {
            var issuer = X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded());
            var builder = builder(issuer, new X500Name(distinguishedName), subjectKeys, validity);
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (purpose == Purpose.SIGNING) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            } else if (purpose == Purpose.ENCRYPTION) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                if (dnsNames.length > 0) {
                    var names = new GeneralName[dnsNames.length + 1];
                    for (int i = 0; i < dnsNames.length; i++) {
                        names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
                    }
                    names[dnsNames.length] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
                }
            }
            return sign(builder, caKey);
        } catch (Exception e) {
            throw new IllegalStateException("Could not issue certificate " + distinguishedName, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration validity) {
        // Back-dated an hour so that partners whose clocks lag slightly accept a fresh certificate.
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(96, RANDOM).abs(), Date.from(notBefore),
                Date.from(notBefore.plus(validity)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
