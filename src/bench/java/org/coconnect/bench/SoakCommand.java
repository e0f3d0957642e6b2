package org.coconnect.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code coconnect-bench soak}: a durability storm against a gateway in a process of its own (concurrent
 * senders, repeats of the same message ID, kill -9 at random moments and restarts), then the counts that
 * must be zero: acknowledged ACCEPTED but not stored, stored twice, acknowledged ACCEPTED twice.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Storm a gateway process with COs, repeats and kill -9, then count lost and doubled messages.")
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--messages", defaultValue = "2000", description = "COs sent, each with its own message ID (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--senders", defaultValue = "4", description = "Sending threads (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--resend-share", defaultValue = "0.3",
            description = "Share of messages sent again with the same ID and a fresh signature, half of them racing "
                    + "the original, half after its answer (default: ${DEFAULT-VALUE}).")
    double resendShare;

    @Option(names = "--kills", defaultValue = "18", description = "kill -9 of the gateway amid the load, each followed by a restart (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--database", defaultValue = "h2", description = "h2 or postgresql (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://localhost:5432/",
            description = "PostgreSQL server; the soak recreates coconnect_bench_id on it (default: ${DEFAULT-VALUE}). "
                    + "Password from $COCONNECT_DB_PASSWORD.")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "coconnect", description = "PostgreSQL user with CREATEDB (default: ${DEFAULT-VALUE}).")
    String pgUser;

    @Option(names = "--json", description = "Storm the JSON API (partner.protocol=json, JWS inside JWE) instead of SOAP.")
    boolean json;

    @Option(names = "--port", defaultValue = "0", description = "Port of the gateway under the storm; 0 takes a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", description = "Seed of the kill moments (default: random).")
    Long seed;

    @Option(names = "--dir", defaultValue = "target/soak", description = "Keys, databases and the gateway's log (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        SoakResult result = SoakRun.run(settings(), out, json ? org.coconnect.config.PartnerProtocol.json(true)
                : org.coconnect.config.PartnerProtocol.SOAP);
        out.println(result.summary());
        out.print(result.report());
        return result.clean() ? 0 : 1;
    }

    private SoakRun.Settings settings() {
        if (messages < 1 || senders < 1 || kills < 0 || resendShare < 0 || resendShare > 1) {
            throw new ParameterException(spec.commandLine(),
                    "--messages and --senders must be at least 1, --kills at least 0, --resend-share within 0..1");
        }
        BenchGateways.Databases databases = switch (database) {
            case "h2" -> BenchGateways.h2();
            case "postgresql", "postgres" -> BenchGateways.postgres(pgUrl, pgUser,
                    System.getenv().getOrDefault("COCONNECT_DB_PASSWORD", ""));
            default -> throw new ParameterException(spec.commandLine(), "--database must be h2 or postgresql, not " + database);
        };
        // The label every line of the report carries: which binding was stormed, as DurabilityStormIT names it.
        String label = json ? database + " over JSON" : database;
        return new SoakRun.Settings(messages, senders, resendShare, kills, label, databases, dir, port,
                seed != null ? seed : System.nanoTime());
    }
}
