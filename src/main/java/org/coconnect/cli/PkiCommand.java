package org.coconnect.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.security.CertificateAuthority;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import org.coconnect.security.PartnerBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Key and certificate management: a CA, the gateway's keys, partner bundles, revocation. */
@Command(name = "pki", description = "Manage the CA, this gateway's keys, partner certificates and revocation.",
        subcommands = {PkiCommand.InitCa.class, PkiCommand.Issue.class, PkiCommand.ExportBundle.class,
                PkiCommand.ImportBundle.class, PkiCommand.Revoke.class, PkiCommand.Crl.class})
final class PkiCommand {

    static GatewayConfig load(Path conf) {
        return new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).load(conf);
    }

    /** Creates a CA in a directory. */
    @Command(name = "init-ca", description = "Create a CA (RSA 3072) in a directory, with a random password beside it.")
    static final class InitCa implements Callable<Integer> {
        @Option(names = "--ca", required = true, description = "CA directory") Path ca;
        @Option(names = "--name", defaultValue = "CN=CoConnect CA", description = "distinguished name (default: ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() throws Exception {
            var authority = CertificateAuthority.create(ca, name);
            System.out.println("CA " + authority.certificate().getSubjectX500Principal() + " created in " + ca);
            return 0;
        }
    }

    /** Issues this gateway's signing, encryption and TLS keys. */
    @Command(name = "issue", description = "Issue this gateway's signing, encryption and TLS keys from the CA into keystores.own,"
            + " and put the CA in keystores.trust.")
    static final class Issue implements Callable<Integer> {
        @Option(names = "--ca", required = true) Path ca;
        @Mixin ConfigurationDirectoryOption conf;
        @Option(names = "--force", description = "replace existing keys (a rotation: hand partners the new bundle first)")
        boolean force;

        @Override
        public Integer call() throws Exception {
            GatewayConfig config = load(conf.path());
            var stores = config.keystores();
            if (Files.exists(stores.own()) && !force) {
                System.err.println(stores.own() + " exists; use --force to replace it");
                return 2;
            }
            var authority = CertificateAuthority.load(ca);
            KeyStores.save(authority.issueGatewayKeys(config), stores.own(), stores.password());
            var trust = Files.exists(stores.trust()) ? KeyStores.load(stores.trust(), stores.password()) : KeyStores.empty();
            trust.setCertificateEntry("ca-" + authority.certificate().getSerialNumber().toString(16), authority.certificate());
            KeyStores.save(trust, stores.trust(), stores.password());
            if (!Files.exists(stores.partners())) {
                KeyStores.save(KeyStores.empty(), stores.partners(), stores.password());
            }
            System.out.println("Issued signing, encryption and TLS keys for " + config.selfId() + " into " + stores.own());
            return 0;
        }
    }

    /** Writes our certificates for a partner. */
    @Command(name = "export-bundle", description = "Write our certificates and trust anchors (PEM, no private key) for a partner.")
    static final class ExportBundle implements Callable<Integer> {
        @Mixin ConfigurationDirectoryOption conf;
        @Option(names = "--out", required = true) Path out;

        @Override
        public Integer call() throws Exception {
            GatewayConfig config = load(conf.path());
            var files = PartnerBundle.export(GatewayKeys.load(config.keystores()), config.selfId(), out);
            files.forEach(f -> System.out.println("wrote " + f));
            return 0;
        }
    }

    /** Adds a partner's bundle to our stores. */
    @Command(name = "import-bundle", description = "Add a partner's certificates to keystores.partners and its CA to keystores.trust.")
    static final class ImportBundle implements Callable<Integer> {
        @Mixin ConfigurationDirectoryOption conf;
        @Option(names = "--bundle", required = true) Path bundle;
        @Parameters(index = "0", description = "partner ID, e.g. ID-DJBC") String partnerId;

        @Override
        public Integer call() throws Exception {
            var stores = load(conf.path()).keystores();
            var partners = Files.exists(stores.partners()) ? KeyStores.load(stores.partners(), stores.password()) : KeyStores.empty();
            var trust = Files.exists(stores.trust()) ? KeyStores.load(stores.trust(), stores.password()) : KeyStores.empty();
            var added = PartnerBundle.importInto(bundle, partnerId, partners, trust);
            if (added.isEmpty()) {
                System.err.println("no " + partnerId + ".*.pem file in " + bundle);
                return 1;
            }
            KeyStores.save(partners, stores.partners(), stores.password());
            KeyStores.save(trust, stores.trust(), stores.password());
            added.forEach(a -> System.out.println("added " + a));
            System.out.println("Run 'coconnect reload' to use them (add conf/partners/" + partnerId
                    + ".properties first if the partner is new).");
            return 0;
        }
    }

    /** Marks a certificate revoked. */
    @Command(name = "revoke", description = "Revoke a certificate of this CA by its serial number (hexadecimal).")
    static final class Revoke implements Callable<Integer> {
        @Option(names = "--ca", required = true) Path ca;
        @Parameters(index = "0") String serial;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority.load(ca).revoke(new BigInteger(serial, 16));
            System.out.println("Revoked " + serial + "; publish a new CRL with `pki crl`.");
            return 0;
        }
    }

    /** Publishes the CA's CRL. */
    @Command(name = "crl", description = "Issue the CA's CRL (DER) listing every revoked serial; partners put it in keystores/<gw>/crls/.")
    static final class Crl implements Callable<Integer> {
        @Option(names = "--ca", required = true) Path ca;
        @Option(names = "--out", required = true) Path out;
        @Option(names = "--valid-for", defaultValue = "P7D") Duration validFor;

        @Override
        public Integer call() throws Exception {
            var crl = CertificateAuthority.load(ca).crl(Instant.now(), validFor);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, crl.getEncoded());
            System.out.println("CRL with " + crl.getRevokedCertificates().size() + " entries written to " + out);
            return 0;
        }
    }
}
