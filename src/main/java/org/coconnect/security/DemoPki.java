package org.coconnect.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.KeystoreConfig;
import org.coconnect.config.PartnerConfig;

/**
 * Demo key material, generated on first run: a demo CA, and for each gateway a signing key, an
 * encryption key and a TLS key issued by it; each gateway's partner store holds the other demo gateways' certificates.
 * Never used for gateways whose configuration does not set {@code keystores.demo=true}.
 */
public final class DemoPki {

    private static final String CA_ALIAS = "demo-ca";

    private final Path caDirectory;

    public DemoPki(Path caDirectory) {
        this.caDirectory = caDirectory;
    }

    /** Creates what is missing for the demo gateways among these, and refreshes their partner and trust stores. */
    public void ensure(List<GatewayConfig> gateways) {
        List<GatewayConfig> demo = gateways.stream().filter(g -> g.keystores().demo()).toList();
        if (demo.isEmpty()) {
            return;
        }
        try {
            var ca = CertificateAuthority.existsIn(caDirectory) ? CertificateAuthority.load(caDirectory)
                    : CertificateAuthority.create(caDirectory, "CN=CoConnect Demo Root CA, O=CoConnect demo");
            for (GatewayConfig gateway : demo) {
                if (!hasSeparateKeys(gateway.keystores())) {
                    KeyStores.save(ca.issueGatewayKeys(gateway), gateway.keystores().own(), gateway.keystores().password());
                }
            }
            for (GatewayConfig gateway : demo) {
                writeTrustAndPartners(gateway, demo, ca.certificate());
            }
            for (GatewayConfig gateway : demo) {
                ensureLogins(gateway, demo);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate demo key material in " + caDirectory, e);
        }
    }

    /**
     * Demo material generated before key separation holds one "message" key; it is replaced, the
     * partner stores are rewritten below anyway.
     */
    private static boolean hasSeparateKeys(KeystoreConfig keystores) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(keystores.own())) {
            return false;
        }
        KeyStore own = KeyStores.load(keystores.own(), keystores.password());
        return own.isKeyEntry(GatewayKeys.SIGNING_ALIAS) && own.isKeyEntry(GatewayKeys.ENCRYPTION_ALIAS)
                && own.isKeyEntry(GatewayKeys.TLS_ALIAS);
    }

    /**
     * For each demo partner of this gateway that lacks one, a random login: the password in our
     * outbound file, its Argon2id hash in the partner's inbound file.
     */
    private static void ensureLogins(GatewayConfig gateway, List<GatewayConfig> demo) throws IOException {
        var existing = CredentialFiles.readOutbound(gateway.keystores().outboundCredentials());
        for (PartnerConfig partner : gateway.partners()) {
            for (GatewayConfig other : demo) {
                if (!other.selfId().equals(partner.id()) || existing.containsKey(partner.id())) {
                    continue;
                }
                String user = other.partners().stream().filter(p -> p.id().equals(gateway.selfId()))
                        .map(PartnerConfig::inboundUser).findFirst().orElse(gateway.selfId());
                String password = RandomSecret.hex(18);
                CredentialFiles.append(gateway.keystores().outboundCredentials(), partner.id() + ":" + user + ":" + password);
                CredentialFiles.append(other.keystores().inboundCredentials(), user + ":" + PasswordHash.hash(password.toCharArray()));
            }
        }
    }

    private void writeTrustAndPartners(GatewayConfig gateway, List<GatewayConfig> demo, X509Certificate caCert)
            throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStores.empty();
        trust.setCertificateEntry(CA_ALIAS, caCert);
        KeyStores.save(trust, gateway.keystores().trust(), gateway.keystores().password());

        KeyStore partners = KeyStores.empty();
        for (PartnerConfig partner : gateway.partners()) {
            for (GatewayConfig other : demo) {
                if (other.selfId().equals(partner.id())) {
                    KeyStore theirs = KeyStores.load(other.keystores().own(), other.keystores().password());
                    String prefix = partner.id().toLowerCase(Locale.ROOT) + ".";
                    for (String alias : new String[] {GatewayKeys.SIGNING_ALIAS, GatewayKeys.ENCRYPTION_ALIAS,
                            GatewayKeys.TLS_ALIAS}) {
                        partners.setCertificateEntry(prefix + alias, theirs.getCertificate(alias));
                    }
                }
            }
        }
        KeyStores.save(partners, gateway.keystores().partners(), gateway.keystores().password());
    }
}
