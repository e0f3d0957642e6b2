package org.coconnect.client;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.Bus;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.CertificateVerification;
import org.coconnect.exchange.PartnerUnavailableException;
import org.coconnect.exchange.RemoteVerification;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.GatewayKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client per partner, made on first use and then shared; also the port through which lookups reach partners. */
public final class PartnerClients implements RemoteVerification {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerClients.class);

    private final Bus bus;
    private final GatewayConfig config;
    private volatile GatewayKeys keys;
    private volatile Crypto crypto;
    private final PartnerDirectory partners;
    private volatile Map<String, CredentialFiles.Login> logins;
    private final Clock clock;
    private final Map<String, PartnerClient> clients = new ConcurrentHashMap<>();

    public PartnerClients(Bus bus, GatewayConfig config, GatewayKeys keys, Crypto crypto, PartnerDirectory partners,
                          Map<String, CredentialFiles.Login> logins, Clock clock) {
        this.bus = bus;
        this.config = config;
        this.keys = keys;
        this.crypto = crypto;
        this.partners = partners;
        this.logins = Map.copyOf(logins);
        this.clock = clock;
    }

    /**
     * A reload: clients made from now on use these keys, logins and the partner directory as it now is.
     * A send in flight finishes with the client (and keys) it started with; the next attempt gets a new one.
     */
    public void adopt(GatewayKeys newKeys, Crypto newCrypto, Map<String, CredentialFiles.Login> newLogins) {
        this.keys = newKeys;
        this.crypto = newCrypto;
        this.logins = Map.copyOf(newLogins);
        clients.clear();
    }

    /** The client for one configured partner. */
    public PartnerClient client(String partnerId) {
        return clients.computeIfAbsent(partnerId, id -> new PartnerClient(bus, config, keys, crypto,
                partners.byId(id).orElseThrow(() -> new IllegalArgumentException("no partner " + id)), logins.get(id),
                clock));
    }

    @Override
    public Optional<CertificateVerification> verify(Partner partner, String issuingCountry, String number,
                                                    String referenceCode) {
        try {
            return client(partner.id()).verify(issuingCountry, number, referenceCode);
        } catch (DeliveryException e) {
            LOG.warn("verify-co at {} failed: {}", partner.id(), e.getMessage());
            throw new PartnerUnavailableException(e.getMessage());
        }
    }
}
