package org.coconnect.conformance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.PartnerServerTrust;
import org.coconnect.security.TlsMaterial;
import org.coconnect.partner.Partner;

/** TLS checks: the partner speaks TLS 1.2+ with a trusted certificate, and refuses clients without one. */
final class TransportChecks {

    static final String HANDSHAKE = "tls-handshake";
    static final String CLIENT_CERTIFICATE = "tls-client-certificate-required";

    private final GatewayKeys keys;
    private final Partner partner;
    private final URI sendCo;
    private final CredentialFiles.Login login;

    TransportChecks(GatewayKeys keys, Partner partner, URI sendCo, CredentialFiles.Login login) {
        this.login = login;
        this.keys = keys;
        this.partner = partner;
        this.sendCo = sendCo;
    }

    /** A full handshake with our TLS key, TLS 1.2 or 1.3 only, the partner's certificate trusted and its name verified. */
    CheckResult handshake() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(TlsMaterial.keyManagers(keys), PartnerServerTrust.forPartner(keys.trust(), partner.id(),
                    partner.tlsCertificates(), partner.config().trust().pinnedServerSha256()), null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(sendCo.getHost(), port(sendCo)), 10_000);
                socket.setSoTimeout(10_000);
                var parameters = socket.getSSLParameters();
                parameters.setProtocols(TlsMaterial.PROTOCOLS.toArray(String[]::new));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                var session = socket.getSession();
                var server = (X509Certificate) session.getPeerCertificates()[0];
                return CheckResult.pass(HANDSHAKE, session.getProtocol() + ", " + session.getCipherSuite()
                        + ", server certificate " + server.getSubjectX500Principal().getName() + " trusted");
            }
        } catch (IOException | GeneralSecurityException e) {
            return CheckResult.fail(HANDSHAKE, "no TLS 1.2/1.3 handshake with a trusted server certificate: " + e);
        }
    }

    /** A request over TLS without a client certificate must be cut off by TLS, never answered. */
    CheckResult clientCertificateRequired(String envelope) {
        // Our login, but no client certificate: only the certificate is missing, so a refusal is for that.
        var anonymous = new PartnerHttp(null, PartnerServerTrust.forPartner(keys.trust(), partner.id(),
                partner.tlsCertificates(), partner.config().trust().pinnedServerSha256()), login);
        try {
            PartnerHttp.Answer answer = anonymous.postSoap(sendCo, "urn:coconnect:send-co", envelope);
            return CheckResult.fail(CLIENT_CERTIFICATE, "answered HTTP " + answer.status()
                    + " to a client without certificate: TLS must require one");
        } catch (IOException e) {
            return CheckResult.pass(CLIENT_CERTIFICATE, "connection without client certificate refused (" + e + ")");
        }
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 443;
    }
}
