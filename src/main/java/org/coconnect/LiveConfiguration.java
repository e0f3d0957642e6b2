package org.coconnect;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.wss4j.common.crypto.Crypto;
import org.coconnect.client.PartnerClients;
import org.coconnect.config.ConfigException;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.ReloadOutcome;
import org.coconnect.config.SecurityProfile;
import org.coconnect.exchange.Alerts;
import org.coconnect.partner.CertificateRole;
import org.coconnect.partner.Partner;
import org.coconnect.partner.PartnerDirectory;
import org.coconnect.security.CertificateChecks;
import org.coconnect.security.CredentialFiles;
import org.coconnect.security.CrlStore;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.InboundCredentials;
import org.coconnect.security.MessageCrypto;
import org.coconnect.security.ReloadableTls;
import org.coconnect.ws.GatewayServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reload without restart: the partner directory (partners, their certificates, allowlists, logins),
 * trust anchors, CRLs, both credential files, our message keys and our TLS key. A new configuration is
 * read and checked whole before anything changes; refused, it names the file and key and the running one
 * stays. Accepted, each holder takes its new, immutable state in one reference swap: a request keeps the
 * partner, certificates and client it already holds; the next one gets the new ones.
 */
public final class LiveConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConfiguration.class);

    /** The parts of the running gateway a reload replaces. */
    record Holders(Crypto crypto, PartnerDirectory partners, InboundCredentials credentials, PartnerClients clients,
                   ReloadableTls tls, CrlStore crls, Alerts alerts, Clock clock) {
    }

    private final Holders holders;
    private volatile GatewayConfig current;
    private volatile Supplier<GatewayConfig> source;

    static LiveConfiguration of(GatewayConfig config, Crypto crypto, PartnerDirectory partners,
                                InboundCredentials credentials, PartnerClients clients, ReloadableTls tls, CrlStore crls,
                                Alerts alerts, Clock clock) {
        return new LiveConfiguration(config, new Holders(crypto, partners, credentials, clients, tls, crls, alerts, clock));
    }

    LiveConfiguration(GatewayConfig current, Holders holders) {
        this.current = current;
        this.holders = holders;
        this.source = () -> {
            throw new ConfigException("conf/gateway.properties", null, "this gateway was not started from a"
                    + " configuration directory; nothing to reload from");
        };
    }

    /** Where {@link #reload()} reads the configuration, e.g. the {@code --conf} directory of {@code serve}. */
    public void readFrom(Supplier<GatewayConfig> configuration) {
        this.source = configuration;
    }

    /** Reads the configuration again and applies it; a {@link ConfigException} leaves everything as it was. */
    public ReloadOutcome reload() {
        return reload(source.get());
    }

    /** Checks {@code next} whole, then applies it; a {@link ConfigException} leaves everything as it was. */
    public synchronized ReloadOutcome reload(GatewayConfig next) {
        GatewayKeys keys = keys(next);
        Map<String, String> inbound = CredentialFiles.readInbound(next.keystores().inboundCredentials());
        Map<String, CredentialFiles.Login> outbound = CredentialFiles.readOutbound(next.keystores().outboundCredentials());
        holders.crls().refresh();
        var checks = new CertificateChecks(keys.trust(), holders.crls());
        var clock = holders.clock();
        var directory = new PartnerDirectory(next.partners(), keys.partners(),
                PartnerCertificateAcceptance.of(checks, next, holders.alerts(), clock),
                (partner, cert) -> checks.revocationProblem(cert, clock.instant(), partner.trust().revocation()));
        requireUsable(next, directory);
        List<X509Certificate> partnerTls = GatewayServer.partnerTlsCertificates(directory);
        // Everything is read and checked: from here on nothing may refuse, so the switch is all or nothing.
        MessageCrypto.adopt(holders.crypto(), keys);
        holders.partners().adopt(directory);
        holders.credentials().adopt(inbound);
        holders.clients().adopt(keys, MessageCrypto.create(keys), outbound);
        holders.tls().adopt(keys, partnerTls);
        var outcome = outcome(current, next);
        current = next;
        LOG.info("Configuration reloaded: partners {} (added {}, removed {}); needs a restart to change: {}",
                outcome.partners(), outcome.added(), outcome.removed(), outcome.needRestart());
        return outcome;
    }

    private static GatewayKeys keys(GatewayConfig next) {
        try {
            return GatewayKeys.load(next.keystores());
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("conf/gateway.properties", "keystores.own", "keystores cannot be read: "
                    + e.getMessage());
        }
    }

    /** Every partner must keep a usable certificate for each role: else it could neither be checked nor answered. */
    private static void requireUsable(GatewayConfig next, PartnerDirectory directory) {
        for (Partner partner : directory.all()) {
            for (CertificateRole role : CertificateRole.values()) {
                List<X509Certificate> certificates = switch (role) {
                    case SIGNING -> partner.signingCertificates();
                    case ENCRYPTION -> partner.encryptionCertificates();
                    case TLS -> partner.tlsCertificates();
                };
                if (certificates.isEmpty()) {
                    throw new ConfigException(String.valueOf(next.keystores().partners()),
                            partner.id().toLowerCase(java.util.Locale.ROOT) + "." + role.aliasSegment(),
                            "partner " + partner.id() + " has no valid " + role.aliasSegment()
                                    + " certificate (missing, expired, revoked or not for this role)");
                }
            }
        }
    }

    private static ReloadOutcome outcome(GatewayConfig before, GatewayConfig after) {
        List<String> was = before.partners().stream().map(p -> p.id()).toList();
        List<String> now = after.partners().stream().map(p -> p.id()).toList();
        var restart = new LinkedHashMap<String, Boolean>();
        restart.put("gateway.country, gateway.authority", !before.self().equals(after.self()));
        restart.put("server.host", !before.bindHost().equals(after.bindHost()));
        restart.put("server.port", before.port() != after.port());
        restart.put("server.trusted-proxies", !before.trustedProxies().equals(after.trustedProxies()));
        restart.put("security.clock-skew", !before.allowedClockSkew().equals(after.allowedClockSkew()));
        restart.put("security.timestamp-ttl", !before.timestampTimeToLive().equals(after.timestampTimeToLive()));
        restart.put("data.dir", !Objects.equals(before.dataDirectory(), after.dataDirectory()));
        restart.put("partner.security.profile (legacy-cbc endpoints)", legacy(after) && !legacy(before));
        List<String> needRestart = new ArrayList<>();
        restart.forEach((key, changed) -> {
            if (changed) {
                needRestart.add(key);
            }
        });
        return new ReloadOutcome(now, now.stream().filter(id -> !was.contains(id)).toList(),
                was.stream().filter(id -> !now.contains(id)).toList(), needRestart);
    }

    private static boolean legacy(GatewayConfig config) {
        return config.partners().stream().anyMatch(p -> p.securityProfile() == SecurityProfile.LEGACY_CBC);
    }
}
