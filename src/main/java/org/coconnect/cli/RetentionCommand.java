package org.coconnect.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.ConfigLoader;
import org.coconnect.exchange.EraseExpiredContent;
import org.coconnect.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the retention pass once (the gateway also runs it every hour). */
@Command(name = "retention", description = "Erase decrypted payloads and raw envelopes past their retention period now."
        + " With H2, run it while the gateway is stopped (the file is locked).")
final class RetentionCommand implements Callable<Integer> {

    @Mixin ConfigurationDirectoryOption conf;

    @Override
    public Integer call() {
        var config = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).load(conf.path());
        try (Database database = Database.open(config.database())) {
            var erased = new EraseExpiredContent(database, config.retention(), new AuditLog(database, Clock.systemUTC()),
                    Clock.systemUTC()).run();
            System.out.println("Erased " + erased.payloads() + " payloads, " + erased.outboxPayloads()
                    + " outbox payloads, " + erased.envelopes() + " raw envelopes and " + erased.evidenceEnvelopes()
                    + " attempt or rejection envelopes.");
            return 0;
        }
    }
}
