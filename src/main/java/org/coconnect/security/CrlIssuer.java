package org.coconnect.security;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues a CA's certificate revocation list (BouncyCastle). */
public final class CrlIssuer {

    private CrlIssuer() {
    }

    /** A CRL listing the given serial numbers as revoked (key compromise), valid for {@code validity}. */
    public static X509CRL issue(X509Certificate caCert, PrivateKey caKey, Collection<BigInteger> revoked, Instant now,
                                Duration validity) {
        try {
            var builder = new X509v2CRLBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(validity)));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(now), CRLReason.keyCompromise);
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(caKey);
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("CRL cannot be issued", e);
        }
    }
}
