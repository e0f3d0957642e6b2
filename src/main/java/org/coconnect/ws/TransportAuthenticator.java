package org.coconnect.ws;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.coconnect.config.Cidr;
import org.coconnect.error.ErrorCode;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.InboundCredentials;

/**
 * Before the body is read: the TLS client certificate, the HTTP Basic login and the source address
 * must all name the same partner. The source address is the socket's peer; X-Forwarded-For is read only
 * when that peer is a configured trusted proxy ({@link ClientAddress}). A refusal is an HTTP 401 with the
 * generic code; the reason goes to the log and an alert. The order matters: a locked-out address is refused before
 * anything else, the allowlist is checked before the password (so a stolen TLS key cannot be used to try passwords
 * from elsewhere), and a client certificate that is no partner's counts toward the lockout like a wrong password.
 * A partner on the standard profile is refused at the legacy CBC endpoints here, before WS-Security.
 */
public final class TransportAuthenticator extends AbstractPhaseInterceptor<Message> {

    /** Message property: the id of the partner the transport identified. */
    public static final String TRANSPORT_PARTNER = "coconnect.transport-partner";
    /** The client address the request is from (behind a trusted proxy: the one it forwarded), for refusal alerts. */
    public static final String SOURCE_ADDRESS = "coconnect.source-address";
    private static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final PartnerDirectory partners;
    private final InboundCredentials credentials;
    private final List<Cidr> trustedProxies;

    public TransportAuthenticator(PartnerDirectory partners, InboundCredentials credentials, List<Cidr> trustedProxies) {
        super(Phase.RECEIVE);
        addBefore(RawEnvelopeInterceptor.class.getName());
        this.partners = partners;
        this.credentials = credentials;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void handleMessage(Message message) {
        // One configuration per request: later stages read the partners from this snapshot, whatever a reload does.
        PartnerDirectory partners = this.partners.snapshot();
        message.getExchange().put(PartnerDirectory.class, partners);
        var request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request == null) {
            throw refuse(ErrorCode.CLIENT_CERTIFICATE_UNKNOWN, "no HTTP request");
        }
        InetAddress source = sourceOf(request);
        message.put(SOURCE_ADDRESS, source.getHostAddress());
        if (credentials.lockedOut(source)) {
            throw refuse(ErrorCode.TOO_MANY_FAILURES, "source " + source.getHostAddress());
        }
        Partner byCertificate = tlsPartner(partners, request, source);
        // The allowlist before the password: a stolen TLS key used from elsewhere cannot try passwords.
        if (!byCertificate.config().allows(source)) {
            throw refuse(ErrorCode.SOURCE_IP_NOT_ALLOWED, byCertificate.id() + " from " + source.getHostAddress());
        }
        AuthorizationPolicy login = message.get(AuthorizationPolicy.class);
        String user = login == null ? null : login.getUserName();
        switch (credentials.check(user, login == null ? null : login.getPassword(), source)) {
            case LOCKED_OUT -> throw refuse(ErrorCode.TOO_MANY_FAILURES, "source " + source.getHostAddress());
            case BUSY -> throw refuse(ErrorCode.LOGIN_CHECKS_BUSY, "login '" + user + "' from " + source.getHostAddress(), 503);
            case BAD_CREDENTIALS -> throw refuse(ErrorCode.CREDENTIALS_INVALID,
                    "login '" + user + "' from " + source.getHostAddress() + " (TLS: " + byCertificate.id() + ")");
            case OK -> { }
        }
        Partner byLogin = partners.byInboundUser(user).orElse(null);
        if (byLogin == null || !byLogin.id().equals(byCertificate.id())) {
            throw refuse(ErrorCode.IDENTITY_MISMATCH, "TLS certificate of " + byCertificate.id() + " but login '" + user + "'");
        }
        LegacyEndpointAdmission.check(message, byCertificate);
        message.put(TRANSPORT_PARTNER, byCertificate.id());
    }

    private Partner tlsPartner(PartnerDirectory partners, HttpServletRequest request, InetAddress source) {
        Object chain = request.getAttribute(CLIENT_CERTIFICATES);
        if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
            throw refuse(ErrorCode.CLIENT_CERTIFICATE_UNKNOWN, "no client certificate from " + source.getHostAddress());
        }
        Partner partner = partners.byTlsCertificate(certificates[0]).orElse(null);
        if (partner == null) {
            // A certificate from a CA we trust that is no partner's: a guess like a wrong password.
            credentials.recordFailure(source);
            throw refuse(ErrorCode.CLIENT_CERTIFICATE_UNKNOWN,
                    certificates[0].getSubjectX500Principal() + " from " + source.getHostAddress());
        }
        partners.revocationProblem(partner, certificates[0]).ifPresent(problem -> {
            throw refuse(ErrorCode.CERTIFICATE_REVOKED, "TLS certificate of " + partner.id() + " "
                    + certificates[0].getSubjectX500Principal() + ": " + problem);
        });
        return partner;
    }

    private InetAddress sourceOf(HttpServletRequest request) {
        InetAddress peer;
        try {
            peer = InetAddress.getByName(request.getRemoteAddr());
        } catch (UnknownHostException e) {
            throw refuse(ErrorCode.SOURCE_IP_NOT_ALLOWED, "unreadable source address " + request.getRemoteAddr());
        }
        try {
            return ClientAddress.of(request, peer, trustedProxies);
        } catch (ClientAddress.MalformedForwardedFor e) {
            throw refuse(ErrorCode.FORWARDED_FOR_INVALID, "from trusted proxy " + peer.getHostAddress() + ": " + e.getMessage());
        }
    }

    private static Fault refuse(ErrorCode code, String detail) {
        return refuse(code, detail, 401);
    }

    private static Fault refuse(ErrorCode code, String detail, int status) {
        var fault = new Fault(new GatewayFault(code, ErrorCode.AUTHENTICATION_FAILED, detail));
        fault.setStatusCode(status);
        return fault;
    }
}
