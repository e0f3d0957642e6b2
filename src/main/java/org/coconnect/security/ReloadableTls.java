package org.coconnect.security;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The partner listener's TLS key and client-certificate trust, replaceable while it runs: each new
 * handshake uses the material current when it starts; connections already open keep theirs. The alias a
 * handshake chose names its generation, so its certificate chain and private key always come from one key
 * store even if a reload lands between the two look-ups.
 */
public final class ReloadableTls {

    private final Map<Integer, X509ExtendedKeyManager> keyGenerations = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile X509ExtendedTrustManager trust;

    public ReloadableTls(GatewayKeys keys, List<X509Certificate> partnerTlsCertificates) {
        adopt(keys, partnerTlsCertificates);
    }

    /** Our TLS key and the partners' TLS certificates and anchors, for every handshake from now on. */
    public synchronized void adopt(GatewayKeys keys, List<X509Certificate> partnerTlsCertificates) {
        X509ExtendedKeyManager key = only(X509ExtendedKeyManager.class, TlsMaterial.keyManagers(keys));
        X509ExtendedTrustManager partners = only(X509ExtendedTrustManager.class,
                TlsMaterial.trustManagers(keys, partnerTlsCertificates));
        int next = generation.get() + 1;
        keyGenerations.put(next, key);
        trust = partners;
        generation.set(next);
        // A handshake that chose an alias of the generation before last has long finished.
        keyGenerations.keySet().removeIf(g -> g < next - 1);
    }

    public KeyManager[] keyManagers() {
        return new KeyManager[] {new Keys()};
    }

    public TrustManager[] trustManagers() {
        return new TrustManager[] {new Trust()};
    }

    private static <T> T only(Class<T> type, Object[] managers) {
        for (Object manager : managers) {
            if (type.isInstance(manager)) {
                return type.cast(manager);
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName());
    }

    private final class Keys extends X509ExtendedKeyManager {
        private String tagged(String alias) {
            return alias == null ? null : generation.get() + ":" + alias;
        }

        private X509ExtendedKeyManager of(String tagged) {
            int colon = tagged == null ? -1 : tagged.indexOf(':');
            X509ExtendedKeyManager key = colon < 0 ? null : keyGenerations.get(Integer.parseInt(tagged.substring(0, colon)));
            return key != null ? key : keyGenerations.get(generation.get());
        }

        private static String alias(String tagged) {
            return tagged.substring(tagged.indexOf(':') + 1);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            X509ExtendedKeyManager current = keyGenerations.get(generation.get());
            return tagged(current.chooseEngineServerAlias(keyType, issuers, engine));
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return tagged(keyGenerations.get(generation.get()).chooseServerAlias(keyType, issuers, socket));
        }

        @Override
        public X509Certificate[] getCertificateChain(String tagged) {
            return tagged == null ? null : of(tagged).getCertificateChain(alias(tagged));
        }

        @Override
        public PrivateKey getPrivateKey(String tagged) {
            return tagged == null ? null : of(tagged).getPrivateKey(alias(tagged));
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keyGenerations.get(generation.get()).getServerAliases(keyType, issuers);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    private final class Trust extends OneSidedTrustManager {
        Trust() {
            super(Peers.CLIENTS, "the partner listener does not connect to servers");
        }

        @Override
        protected void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
                throws CertificateException {
            delegate(trust, chain, authType, socket, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.getAcceptedIssuers();
        }
    }
}
