package org.coconnect.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.coconnect.audit.AuditLog;
import org.coconnect.config.ConfigLoader;
import org.coconnect.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Verifies the audit chain in the gateway's database and names the first broken record. */
@Command(name = "audit-verify", description = "Verify the hash-chained audit log; names the first broken record."
        + " With H2, run it while the gateway is stopped (the file is locked).")
final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--conf", defaultValue = "conf") Path conf;

    @Override
    public Integer call() {
        var config = new ConfigLoader(Path.of("").toAbsolutePath(), System.getenv()).load(conf);
        try (Database database = Database.open(config.database())) {
            var audit = new AuditLog(database, Clock.systemUTC());
            audit.chain();
            AuditLog.Verification result = audit.verify();
            if (result.intact()) {
                System.out.println("Audit chain intact: " + result.checked() + " records.");
                return 0;
            }
            System.out.println("Audit chain BROKEN at record " + result.firstBrokenSeq().orElseThrow() + ": "
                    + result.reason() + " (" + result.checked() + " records before it verified).");
            return 1;
        }
    }
}
