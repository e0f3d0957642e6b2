package org.coconnect.security;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that judges one side of a TLS handshake only (the clients calling us, or the server we call) and
 * refuses the other: the JDK's six check overloads reduced to one check and one refusal.
 */
public abstract class OneSidedTrustManager extends X509ExtendedTrustManager {

    /** Which peers this trust manager judges. */
    public enum Peers { CLIENTS, SERVERS }

    private final Peers peers;
    private final String otherSideRefusal;

    /** @param otherSideRefusal the message of the exception for a check of the side this manager does not judge */
    protected OneSidedTrustManager(Peers peers, String otherSideRefusal) {
        this.peers = peers;
        this.otherSideRefusal = otherSideRefusal;
    }

    /** Judges the peer's chain; socket or engine is the handshake's, either may be null (both for the plain overload). */
    protected abstract void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
            throws CertificateException;

    /** Calls the delegate's overload matching what the handshake passed, so its endpoint checks see the same. */
    protected final void delegate(X509ExtendedTrustManager to, X509Certificate[] chain, String authType, Socket socket,
                                  SSLEngine engine) throws CertificateException {
        boolean clients = peers == Peers.CLIENTS;
        if (socket != null) {
            if (clients) to.checkClientTrusted(chain, authType, socket); else to.checkServerTrusted(chain, authType, socket);
        } else if (engine != null) {
            if (clients) to.checkClientTrusted(chain, authType, engine); else to.checkServerTrusted(chain, authType, engine);
        } else {
            if (clients) to.checkClientTrusted(chain, authType); else to.checkServerTrusted(chain, authType);
        }
    }

    private void judge(Peers side, X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
            throws CertificateException {
        if (side != peers) {
            throw new CertificateException(otherSideRefusal);
        }
        check(chain, authType, socket, engine);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        judge(Peers.CLIENTS, chain, authType, null, null);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        judge(Peers.CLIENTS, chain, authType, socket, null);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(Peers.CLIENTS, chain, authType, null, engine);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        judge(Peers.SERVERS, chain, authType, null, null);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        judge(Peers.SERVERS, chain, authType, socket, null);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(Peers.SERVERS, chain, authType, null, engine);
    }
}
