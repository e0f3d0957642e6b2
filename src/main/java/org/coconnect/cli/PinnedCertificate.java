package org.coconnect.cli;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import org.coconnect.security.OneSidedTrustManager;

/**
 * Trusts exactly one server certificate, the gateway's own TLS certificate: the CLI hands its credential only to
 * the gateway, whatever else may answer on the port and whatever name it is reached by.
 */
final class PinnedCertificate extends OneSidedTrustManager {

    private final byte[] pinned;

    private PinnedCertificate(X509Certificate certificate) throws CertificateException {
        super(Peers.SERVERS, "the CLI accepts no clients");
        this.pinned = certificate.getEncoded();
    }

    /** A TLS context that trusts only this certificate. */
    static SSLContext context(X509Certificate certificate) throws GeneralSecurityException {
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new PinnedCertificate(certificate)}, null);
        return context;
    }

    @Override
    protected void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
            throws CertificateException {
        if (chain == null || chain.length == 0 || !Arrays.equals(chain[0].getEncoded(), pinned)) {
            throw new CertificateException("the server's certificate is not the gateway's own TLS certificate");
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
