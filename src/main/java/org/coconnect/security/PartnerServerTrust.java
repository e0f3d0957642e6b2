package org.coconnect.security;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What we trust when we call one partner's server: only that partner's own anchors (the CAs in our trust store that
 * issued its TLS certificates, and the anchors imported from its bundle as {@code <id>-ca-<serial>}) and its TLS
 * certificates themselves, optionally narrowed to one pinned server certificate. Never another partner's CA: a CA that
 * issues for partner B must not be able to stand in for partner A's server and receive our Basic password for A.
 */
public final class PartnerServerTrust {

    private PartnerServerTrust() {
    }

    /** The anchors for one partner's server, from our trust store and the partner's TLS certificates. */
    public static List<X509Certificate> anchors(KeyStore trust, String partnerId, List<X509Certificate> partnerTls) {
        var anchors = new ArrayList<X509Certificate>(partnerTls);
        String bundlePrefix = partnerId.toLowerCase(Locale.ROOT) + "-ca-";
        try {
            for (String alias : Collections.list(trust.aliases())) {
                if (trust.getCertificate(alias) instanceof X509Certificate ca
                        && (alias.startsWith(bundlePrefix) || partnerTls.stream().anyMatch(tls -> issued(ca, tls)))) {
                    anchors.add(ca);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("trust store not loaded", e);
        }
        return anchors;
    }

    /** Trust managers for calling one partner's server: {@link #anchors} of the partner, and its pin if configured. */
    public static TrustManager[] forPartner(KeyStore trust, String partnerId, List<X509Certificate> partnerTls,
                                            Optional<String> pinnedSha256) {
        return trustManagers(anchors(trust, partnerId, partnerTls), pinnedSha256);
    }

    /** Trust managers accepting a server chain to one of these anchors and, when pinned, only that certificate. */
    public static TrustManager[] trustManagers(List<X509Certificate> anchors, Optional<String> pinnedSha256) {
        try {
            KeyStore store = KeyStores.empty();
            int i = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("anchor-" + i++, anchor);
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            if (pinnedSha256.isEmpty()) {
                return factory.getTrustManagers();
            }
            var pkix = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
            return new TrustManager[] {new Pinned(pkix, pinnedSha256.get())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS trust for the partner cannot be built", e);
        }
    }

    private static boolean issued(X509Certificate ca, X509Certificate cert) {
        if (!ca.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The PKIX checks, then the server certificate's SHA-256 must be the pinned one. */
    private static final class Pinned extends OneSidedTrustManager {
        private final X509ExtendedTrustManager pkix;
        private final String pin;

        Pinned(X509ExtendedTrustManager pkix, String pin) {
            super(Peers.SERVERS, "a partner's server trust is for servers only");
            this.pkix = pkix;
            this.pin = pin;
        }

        @Override
        protected void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
                throws CertificateException {
            delegate(pkix, chain, authType, socket, engine);
            String actual = CertificateFingerprint.sha256Hex(chain[0]);
            if (!actual.equals(pin)) {
                throw new CertificateException("server certificate " + chain[0].getSubjectX500Principal()
                        + " (SHA-256 " + actual + ") is not the pinned one");
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
