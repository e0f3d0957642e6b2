package org.coconnect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coconnect.audit.AuditChainVerifier;
import org.coconnect.audit.AuditCheckpoints;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.ConfigException;
import org.coconnect.config.ConfigLoader;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.DatabaseSettings;
import org.coconnect.security.GatewayKeys;
import org.coconnect.security.KeyStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * Verifies the audit chain against the signed checkpoints and names the first broken record. Read-only: it
 * neither links unchained events nor migrates the schema, so it can run on a copy taken as evidence.
 */
@Command(name = "audit-verify", description = "Verify the audit chain against its signed checkpoints (read-only);"
        + " names the first broken record. With H2, run it while the gateway is stopped (the file is locked).")
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ConfigurationDirectoryOption conf;

    @Option(names = "--checkpoints", description = "Checkpoint file (default: audit.checkpoint.file), e.g. the copy"
            + " shipped elsewhere.")
    Path checkpoints;

    @Option(names = "--certificate", description = "PEM signing certificate(s) that signed the checkpoints"
            + " (default: the signing certificate in keystores.own); repeat for earlier keys.")
    List<Path> certificates = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AuditLog.Verification result;
        try {
            var config = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).load(conf.path());
            var file = new AuditCheckpoints(checkpoints != null ? checkpoints : config.audit().checkpointFile());
            var verifier = new AuditChainVerifier(file.read(), signers(config), config.allowedClockSkew());
            try (Connection connection = readOnly(config.database())) {
                result = verifier.verify(connection);
            }
        } catch (ConfigException | IOException | GeneralSecurityException | SQLException e) {
            spec.commandLine().getErr().println("Cannot verify the audit chain: " + Table.escape(e.getMessage()));
            return 2;
        }
        if (result.intact()) {
            out.println("Audit chain " + result.reason() + ": " + result.checked() + " records.");
            out.flush();
            return 0;
        }
        out.println(result.code().code() + " Audit chain BROKEN at record " + result.firstBrokenSeq().orElseThrow() + ": "
                + Table.escape(result.reason()) + " (" + result.checked() + " records before it verified).");
        out.flush();
        return 1;
    }

    private List<X509Certificate> signers(GatewayConfig config) throws IOException, GeneralSecurityException {
        var signers = new ArrayList<X509Certificate>();
        if (certificates.isEmpty()) {
            var own = KeyStores.load(config.keystores().own(), config.keystores().password());
            signers.add((X509Certificate) own.getCertificate(GatewayKeys.SIGNING_ALIAS));
        }
        var factory = CertificateFactory.getInstance("X.509");
        for (Path pem : certificates) {
            try (InputStream in = Files.newInputStream(pem)) {
                signers.add((X509Certificate) factory.generateCertificate(in));
            }
        }
        return signers;
    }

    /** No pool, no migration: H2 opens an existing file only, read-only; PostgreSQL runs a read-only session. */
    static Connection readOnly(DatabaseSettings settings) throws SQLException {
        String url = settings.isPostgres() ? settings.jdbcUrl() : settings.jdbcUrl() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        Connection connection = DriverManager.getConnection(url, settings.user(), settings.password());
        connection.setReadOnly(true);
        return connection;
    }
}
