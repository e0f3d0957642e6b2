package org.coconnect.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coconnect.config.ConfigLoader;
import org.coconnect.error.ErrorCode;
import org.coconnect.exchange.MessageEvidence;
import org.coconnect.persistence.Database;
import org.coconnect.security.EnvelopeOpener;
import org.coconnect.security.GatewayKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Exports one message's evidence, in both directions, as one zip a third party checks with xmlsec1. */
@Command(name = "evidence", description = "Export one message's evidence (envelopes as sent and received, the answer"
        + " as received, signing certificates, verification result) as one zip archive checkable with xmlsec1."
        + " With H2, run it while the gateway is stopped (the file is locked).")
final class EvidenceCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ConfigurationDirectoryOption conf;

    @Parameters(index = "0", description = "The message ID (a UUID).")
    String messageId;

    @Option(names = "--output", description = "The archive to write (default: evidence-<message-id>.zip).")
    Path output;

    @Override
    public Integer call() throws IOException {
        var config = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).load(conf.path());
        GatewayKeys keys = GatewayKeys.load(config.keystores());
        try (Database database = Database.open(config.database())) {
            return export(database, keys, messageId, output != null ? output : Path.of("evidence-" + messageId + ".zip"),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** Writes the archive of {@code messageId} from this database; 0 when written, 1 when nothing is held. */
    static int export(Database database, GatewayKeys keys, String messageId, Path file, PrintWriter out, PrintWriter err)
            throws IOException {
        MessageEvidence evidence = MessageEvidence.read(database, messageId);
        if (evidence.isEmpty()) {
            err.println(ErrorCode.EVIDENCE_NOT_FOUND.partnerText() + " (" + messageId + ")");
            return 1;
        }
        var lines = new EvidenceArchive(new EnvelopeOpener(keys), keys.signingCertificate()).write(evidence, file);
        lines.forEach(out::println);
        out.println("Wrote " + file.toAbsolutePath());
        return 0;
    }
}
