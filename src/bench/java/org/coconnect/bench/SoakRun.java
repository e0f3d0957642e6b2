package org.coconnect.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.coconnect.config.GatewayConfig;
import org.coconnect.config.PartnerProtocol;

/**
 * One durability storm: ID's gateway in a process of its own, KR's senders against it, kill -9 of the
 * gateway at random moments amid the load and a restart each time, then, after a final clean restart,
 * what was acknowledged compared with what the database holds.
 */
final class SoakRun {

    /** What to run: sizes, where, and on which database; port 0 takes a free one. */
    record Settings(int messages, int senders, double resendShare, int kills, String databaseName,
                    BenchGateways.Databases databases, Path dir, int port, long seed) {
    }

    private SoakRun() {
    }

    static SoakResult run(Settings s, PrintStream out) throws Exception {
        return run(s, out, PartnerProtocol.SOAP);
    }

    /** The storm with the pair on the given binding (the JSON API: docs/json-api.md). */
    static SoakResult run(Settings s, PrintStream out, PartnerProtocol protocol) throws Exception {
        Path runDir = s.dir().resolve("run-" + System.currentTimeMillis()).toAbsolutePath();
        List<GatewayConfig> configs = BenchGateways.configs(s.dir().resolve("pki").toAbsolutePath(), runDir,
                s.databases(), 1).stream().map(c -> c.withPartners(c.partners().stream()
                        .map(p -> p.withProtocol(protocol)).toList())).toList();
        GatewayConfig kr = s.port() > 0 ? pointedAt(configs.get(0), s.port()) : configs.get(0);
        GatewayConfig id = s.port() > 0 ? configs.get(1).withPort(s.port()) : configs.get(1);
        var ledger = new SoakLedger();
        var random = new Random(s.seed());
        Bus bus = BusFactory.newInstance().createBus();
        long start = System.nanoTime();
        int kills;
        SoakLoad load;
        var diagnosis = new ArrayList<String>();
        try (SoakGateway gateway = SoakGateway.prepare(runDir.resolve("id-process"), id)) {
            out.printf("Soak on %s: %d messages from %d senders, %.0f %% sent again, %d kills; gateway log %s%n",
                    s.databaseName(), s.messages(), s.senders(), s.resendShare() * 100, s.kills(), gateway.log());
            gateway.start();
            load = new SoakLoad(BenchSetup.clientOf(bus, kr), ledger, s.resendShare());
            var failure = new Throwable[1];
            Thread senders = new Thread(() -> {
                try {
                    load.run(s.messages(), s.senders());
                } catch (InterruptedException | RuntimeException e) {
                    failure[0] = e;
                }
            }, "soak-load");
            senders.start();
            kills = killAmidLoad(gateway, ledger, senders, s, random, out);
            senders.join();
            if (failure[0] != null) {
                throw new IllegalStateException("the senders failed", failure[0]);
            }
            diagnosis.add("gateway process at the end of the load: " + gateway.processState());
            if (ledger.messagesAnswered() < s.messages()) {
                gateway.ourThreads().forEach(thread -> diagnosis.add("gateway thread: " + thread));
            }
            gateway.lastErrors(5).forEach(line -> diagnosis.add("gateway log: " + line));
            // A final clean restart: the counts are read from what a restarted gateway opens.
            gateway.stop();
            gateway.start();
            gateway.stop();
        } finally {
            bus.shutdown(true);
        }
        diagnosis.addAll(0, ledger.unansweredExamples(load.sent(), 5).stream().map(u -> "never answered: " + u).toList());
        return result(s, kills, ledger, SoakCount.read(id.database()), (System.nanoTime() - start) / 1e9, diagnosis);
    }

    /** Kills the gateway after a random number of answers in its current life, up to {@code kills} times. */
    private static int killAmidLoad(SoakGateway gateway, SoakLedger ledger, Thread senders, Settings s,
                                    Random random, PrintStream out) throws Exception {
        // Thresholds average messages / (kills + 1) answers, so the kills spread over most of the load (a late kill
        // restarts a gateway whose database has grown) and, with re-sends adding answers, still fall before it ends.
        int span = Math.max(2, s.messages() / (s.kills() + 1));
        int done = 0;
        while (done < s.kills()) {
            long threshold = span / 2 + random.nextInt(span);
            while (senders.isAlive() && ledger.answersInThisLife() < threshold) {
                Thread.sleep(2);
            }
            if (!senders.isAlive()) {
                break;
            }
            Thread.sleep(random.nextInt(20));
            gateway.kill();
            done++;
            out.printf("  kill -9 #%d after %d answers in that life; restarting%n", done, ledger.answersInThisLife());
            ledger.newLife();
            gateway.start();
        }
        return done;
    }

    private static SoakResult result(Settings s, int kills, SoakLedger ledger, SoakCount count, double seconds,
                                     List<String> diagnosis) {
        var missing = ledger.acknowledgedCoNumbers().entrySet().stream()
                .filter(e -> !e.getValue().equals(count.storedCoNumberById().get(e.getKey())))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").sorted().collect(Collectors.toList());
        return new SoakResult(s.databaseName(), s.messages(), kills, missing.size(),
                count.messagesStoredTwice() + count.certificatesStoredTwice(), ledger.acceptedTwice().size(),
                s.messages() - ledger.messagesAnswered(), ledger.answersPerLife(),
                ledger.statuses(), ledger.acceptedAnswerLost(), ledger.transportFailures(), seconds,
                missing.stream().limit(5).toList(), diagnosis);
    }

    /** KR's configuration with ID reached at another port. */
    private static GatewayConfig pointedAt(GatewayConfig kr, int port) {
        return kr.withPartners(kr.partners().stream()
                .map(p -> p.withEndpointUrl(URI.create("https://localhost:" + port))).toList());
    }
}
