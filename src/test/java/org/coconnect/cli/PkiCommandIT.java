package org.coconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coconnect.Gateway;
import org.coconnect.client.DeliveryException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.domain.AcknowledgementStatus;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.security.PasswordHash;
import org.coconnect.support.TestGateways;
import org.coconnect.ws.SampleCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two administrations set up with nothing but the pki commands (each its own CA, three keys issued with
 * their own key usage, bundles exchanged) exchange a CO; a revoked signing certificate is then refused.
 */
class PkiCommandIT {

    @TempDir
    Path dir;

    private static int run(String... args) {
        return new CommandLine(new CoConnectCommand()).execute(args);
    }

    private Path conf(String country, String authority, int port, String partnerCountry, String partnerAuthority,
                      int partnerPort) throws IOException {
        String name = country.toLowerCase();
        Path conf = dir.resolve("conf-" + name);
        Path keys = dir.resolve("keys-" + name);
        Files.createDirectories(conf.resolve("partners"));
        Files.createDirectories(keys);
        Files.writeString(keys.resolve("password"), "pw-" + name + "-0123456789");
        Files.writeString(conf.resolve("gateway.properties"), String.join("\n", "gateway.country=" + country,
                "gateway.authority=" + authority, "server.port=" + port, "data.dir=" + dir.resolve("data-" + name),
                "keystores.own=" + keys.resolve("own.p12"), "keystores.partners=" + keys.resolve("partners.p12"),
                "keystores.trust=" + keys.resolve("trust.p12"), "keystores.password.file=" + keys.resolve("password"),
                "local.port=0", ""));
        Files.writeString(conf.resolve("partners/" + partnerCountry + "-" + partnerAuthority + ".properties"),
                String.join("\n", "partner.country=" + partnerCountry, "partner.authority=" + partnerAuthority,
                        "partner.endpoint.url=https://localhost:" + partnerPort, "partner.allowed-ips=127.0.0.0/8", ""));
        return conf;
    }

    private static GatewayConfig load(Path conf) {
        return new ConfigLoader(Path.of("").toAbsolutePath(), Map.of()).load(conf);
    }

    /** The Basic logins, both ways, as the two administrations would agree them. */
    private static void agreeLogins(GatewayConfig from, GatewayConfig to) throws IOException {
        String password = "login-" + UUID.randomUUID();
        Files.writeString(from.keystores().outboundCredentials(), to.selfId() + ":" + from.selfId() + ":" + password + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(to.keystores().inboundCredentials(), from.selfId() + ":" + PasswordHash.hash(password.toCharArray())
                + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void twoAdministrationsSetUpWithThePkiCommandsExchangeACoAndARevokedCertificateIsRefused() throws Exception {
        int jpPort = TestGateways.freePort();
        int sgPort = TestGateways.freePort();
        Path jpConf = conf("JP", "JCB", jpPort, "SG", "SC", sgPort);
        Path sgConf = conf("SG", "SC", sgPort, "JP", "JCB", jpPort);
        assertEquals(0, run("pki", "init-ca", "--ca", dir.resolve("ca-jp").toString(), "--name", "CN=JP Customs CA"));
        assertEquals(0, run("pki", "init-ca", "--ca", dir.resolve("ca-sg").toString(), "--name", "CN=SG Customs CA"));
        assertEquals(0, run("pki", "issue", "--ca", dir.resolve("ca-jp").toString(), "--conf", jpConf.toString()));
        assertEquals(0, run("pki", "issue", "--ca", dir.resolve("ca-sg").toString(), "--conf", sgConf.toString()));
        assertEquals(2, run("pki", "issue", "--ca", dir.resolve("ca-sg").toString(), "--conf", sgConf.toString()),
                "existing keys are not replaced without --force");
        assertEquals(0, run("pki", "export-bundle", "--conf", jpConf.toString(), "--out", dir.resolve("bundle-jp").toString()));
        assertEquals(0, run("pki", "export-bundle", "--conf", sgConf.toString(), "--out", dir.resolve("bundle-sg").toString()));
        assertTrue(Files.list(dir.resolve("bundle-jp")).noneMatch(f -> f.toString().contains("key")), "certificates only");
        assertThreeKeysWithTheirOwnUsage(load(jpConf));
        for (String role : List.of("signing", "encryption", "tls")) {
            assertTrue(Files.isRegularFile(dir.resolve("bundle-jp").resolve("JP-JCB." + role + ".pem")), role);
        }
        assertEquals(0, run("pki", "import-bundle", "--conf", sgConf.toString(), "--bundle", dir.resolve("bundle-jp").toString(), "JP-JCB"));
        assertEquals(0, run("pki", "import-bundle", "--conf", jpConf.toString(), "--bundle", dir.resolve("bundle-sg").toString(), "SG-SC"));
        GatewayConfig jp = load(jpConf);
        GatewayConfig sg = load(sgConf);
        var sgPartners = KeyStores.load(sg.keystores().partners(), sg.keystores().password());
        var jpKeys = GatewayKeys.load(jp.keystores());
        assertEquals(jpKeys.signingCertificate(), sgPartners.getCertificate("jp-jcb.signing."
                + jpKeys.signingCertificate().getSerialNumber().toString(16)), "SG holds JP's signing certificate");
        assertEquals(jpKeys.encryptionCertificate(), sgPartners.getCertificate("jp-jcb.encryption."
                + jpKeys.encryptionCertificate().getSerialNumber().toString(16)), "SG holds JP's encryption certificate");
        agreeLogins(jp, sg);
        agreeLogins(sg, jp);

        try (Gateway jpGateway = Gateway.start(jp, Clock.systemUTC()); Gateway sgGateway = Gateway.start(sg, Clock.systemUTC())) {
            assertEquals(AcknowledgementStatus.ACCEPTED, send(jpGateway, "JP-PKI-1"));
        }

        String serial = GatewayKeys.load(jp.keystores()).signingCertificate().getSerialNumber().toString(16);
        assertEquals(0, run("pki", "revoke", "--ca", dir.resolve("ca-jp").toString(), serial));
        Path crls = sg.keystores().own().getParent().resolve("crls");
        assertEquals(0, run("pki", "crl", "--ca", dir.resolve("ca-jp").toString(), "--out", crls.resolve("jp.crl").toString()));
        try (Gateway jpGateway = Gateway.start(jp, Clock.systemUTC()); Gateway sgGateway = Gateway.start(sg, Clock.systemUTC())) {
            var e = assertThrows(DeliveryException.class, () -> send(jpGateway, "JP-PKI-2"));
            assertTrue(e.getMessage().contains("CC-1000"), e.getMessage());
        }
    }

    /** Signing: digitalSignature and nonRepudiation; encryption: keyEncipherment and dataEncipherment; TLS: both EKUs. */
    private static void assertThreeKeysWithTheirOwnUsage(GatewayConfig config) throws Exception {
        GatewayKeys keys = GatewayKeys.load(config.keystores());
        // KeyUsage bits: 0 digitalSignature, 1 nonRepudiation, 2 keyEncipherment, 3 dataEncipherment.
        assertEquals(List.of(true, true, false, false), usage(keys.signingCertificate()), "signing key usage");
        assertEquals(List.of(false, false, true, true), usage(keys.encryptionCertificate()), "encryption key usage");
        assertEquals(List.of(true, false, true, false), usage(keys.tlsCertificate()), "TLS key usage");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), keys.tlsCertificate().getExtendedKeyUsage(),
                "TLS: serverAuth and clientAuth");
        assertEquals(null, keys.signingCertificate().getExtendedKeyUsage());
        var publicKeys = Set.of(keys.signingCertificate().getPublicKey(), keys.encryptionCertificate().getPublicKey(),
                keys.tlsCertificate().getPublicKey());
        assertEquals(3, publicKeys.size(), "three different keys");
    }

    private static List<Boolean> usage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        return List.of(bits[0], bits[1], bits[2], bits[3]);
    }

    private static AcknowledgementStatus send(Gateway from, String number) throws DeliveryException {
        var client = from.client("SG-SC");
        return client.sendCertificate(client.newHeader(UUID.randomUUID(), null),
                SampleCertificate.create(number, 1, "JP", "SG", 1, Instant.now().minusSeconds(10))).status();
    }
}
