package org.coconnect.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.coconnect.client.PartnerClient;
import org.coconnect.domain.MessageHeader;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coconnect-bench bench}: signed and encrypted COs end to end over HTTPS on loopback, against the
 * gateway and a bare CXF endpoint, with the crypto ceiling, the large CO under a heap cap and a
 * backlog drain, so that every figure comes with the ratios that make it meaningful on a noisy machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure throughput, latency and heap of the gateway against a bare CXF endpoint.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--concurrency", defaultValue = "8", description = "Sending threads (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds measured per size and target (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--messages", description = "Messages per size and target instead of a duration.")
    Long messages;

    @Option(names = "--warmup", defaultValue = "15", description = "Seconds of warm-up per size and target, not measured (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--rounds", defaultValue = "1", description = "Gateway and bare runs per size, alternating (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--sizes", defaultValue = "1,10,100,large", split = ",",
            description = "Goods items per CO, or 'large' (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--large-mb", defaultValue = "5", description = "Size of the large CO in MB (default: ${DEFAULT-VALUE}).")
    double largeMegabytes;

    @Option(names = "--large-messages", defaultValue = "10", description = "Large COs sent (default: ${DEFAULT-VALUE}).")
    long largeMessages;

    @Option(names = "--large-concurrency", defaultValue = "1",
            description = "Large COs in flight at once (default: ${DEFAULT-VALUE}; two do not fit in 256 MB with the client in the same JVM).")
    int largeConcurrency;

    @Option(names = "--large-heap", defaultValue = "256m", description = "-Xmx of the JVM that runs the large CO (default: ${DEFAULT-VALUE}).")
    String largeHeap;

    @Option(names = "--bare", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also load the bare CXF endpoint (default: ${DEFAULT-VALUE}).")
    boolean bare;

    @Option(names = "--crypto", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the raw crypto cost (default: ${DEFAULT-VALUE}).")
    boolean crypto;

    @Option(names = "--backlog", defaultValue = "10000", description = "COs queued during a partner outage and drained; 0 skips (default: ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--delivery-parallelism", defaultValue = "4", description = "Deliveries in flight while draining (default: ${DEFAULT-VALUE}).")
    int deliveryParallelism;

    @Option(names = "--database", defaultValue = "h2", description = "h2 or postgres (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://localhost:5432/",
            description = "PostgreSQL server; the bench recreates coconnect_bench_kr and _id on it (default: ${DEFAULT-VALUE}). "
                    + "Password from $COCONNECT_DB_PASSWORD.")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "coconnect", description = "PostgreSQL user with CREATEDB (default: ${DEFAULT-VALUE}).")
    String pgUser;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Keys and databases (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--keep-databases", description = "Keep the run's H2 files under --dir/run-<token> (deleted by default:"
            + " H2 appends every commit's chunk to its file, about 2 GB per run).")
    boolean keepDatabases;

    @Option(names = "--child-jvm-option", description = "Extra option for the large CO's JVM (repeatable), e.g. for JFR.")
    List<String> childJvmOptions = new ArrayList<>();

    @Option(names = "--in-this-jvm", hidden = true, description = "Run the large CO here (used by the child JVM).")
    boolean inThisJvm;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;
    private final AtomicLong numbers = new AtomicLong();
    private final String runToken = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    final List<Report.SizeRow> rows = new ArrayList<>();
    BacklogDrain.Result backlogResult;

    @Override
    public Integer call() throws Exception {
        List<SizeClass> classes = sizes.stream().map(s -> SizeClass.parse(s, largeMegabytes)).toList();
        if (!inThisJvm) {
            Machine.describe(out, "coconnect " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        }
        CryptoCost.Costs costs = crypto ? new CryptoCost().rsa() : null;
        Path runDir = dir.resolve("run-" + runToken).toAbsolutePath();
        List<SizeClass> here = classes.stream().filter(s -> inThisJvm || !s.isLarge()).toList();
        if (!here.isEmpty() || (backlog > 0 && !inThisJvm)) {
            try (var setup = BenchSetup.start(dir.resolve("pki").toAbsolutePath(), runDir, databases(),
                    deliveryParallelism, bare)) {
                warmUpBoth(setup, here);
                for (SizeClass size : here) {
                    rows.add(measure(setup, size, costs));
                }
                if (backlog > 0 && !inThisJvm) {
                    backlogResult = new BacklogDrain(setup, out).run(backlog, concurrency, runToken);
                }
            } finally {
                if (!keepDatabases) {
                    deleteTree(runDir);
                }
            }
        }
        if (inThisJvm) {
            for (Report.SizeRow row : rows) {
                java.util.stream.Stream.concat(row.gateway().stream(), row.bare().stream())
                        .forEach(r -> out.println(ChildJvm.format(r, row.payloadBytes())));
            }
            return allAccepted() ? 0 : 1;
        }
        for (SizeClass size : classes.stream().filter(SizeClass::isLarge).toList()) {
            rows.add(large(size, costs));
        }
        Report.print(out, rows, costs, backlogResult, concurrency);
        Files.createDirectories(dir);
        Report.appendCsv(dir.resolve("results.csv"), rows);
        return allAccepted() ? 0 : 1;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    boolean allAccepted() {
        boolean loads = rows.stream().allMatch(r -> !r.gateway().isEmpty() && r.gateway().stream().allMatch(LoadResult::allAccepted)
                && r.bare().stream().allMatch(b -> b.failures() == 0));
        return loads && (backlogResult == null || backlogResult.allDelivered());
    }

    private BenchGateways.Databases databases() {
        return switch (database.toLowerCase(Locale.ROOT)) {
            case "h2" -> BenchGateways.h2();
            case "postgres", "postgresql" -> BenchGateways.postgres(pgUrl, pgUser,
                    System.getenv().getOrDefault("COCONNECT_DB_PASSWORD", ""));
            default -> throw new IllegalArgumentException("--database must be h2 or postgres, not " + database);
        };
    }

    private Report.SizeRow measure(BenchSetup setup, SizeClass size, CryptoCost.Costs costs) throws Exception {
        var factory = size.factory(runToken);
        int payloadBytes = factory.payloadBytes(SizeClass.Factory.sampleHeader());
        out.printf(Locale.ROOT, "%nSize %s: send-co payload %d bytes%n", size.label(), payloadBytes);
        var gateway = new ArrayList<LoadResult>();
        var bareResults = new ArrayList<LoadResult>();
        for (int round = 0; round < rounds; round++) {
            // Taking turns at going first: what one load leaves behind (heap, compiled code, file cache)
            // then favours neither side.
            boolean bareFirst = round % 2 == 1 && setup.bareClient() != null;
            if (bareFirst) {
                bareResults.add(load("bare " + size.name(), setup.bareClient(), setup.bareCpu(), factory, size));
            }
            gateway.add(load("gateway " + size.name(), setup.gatewayClient(), setup.gatewayCpu(), factory, size));
            if (setup.bareClient() != null && !bareFirst) {
                bareResults.add(load("bare " + size.name(), setup.bareClient(), setup.bareCpu(), factory, size));
            }
        }
        double cryptoMs = costs == null ? 0 : costs.loopRsaMs() + 2 * new CryptoCost().symmetricMs(payloadBytes);
        return new Report.SizeRow(size, payloadBytes, gateway, bareResults, cryptoMs);
    }

    /**
     * Both servers share CXF, WSS4J and the JDK's crypto: run cold, the first load measured would pay for compiling
     * them (AES-GCM was still interpreted a minute into a gateway load on 2 cores) and the second would not.
     */
    private void warmUpBoth(BenchSetup setup, List<SizeClass> here) throws InterruptedException {
        var first = here.stream().filter(s -> !s.isLarge()).findFirst();
        if (warmupSeconds <= 0 || first.isEmpty()) {
            return;
        }
        var factory = first.get().factory(runToken);
        var limit = LoadRun.Limit.of(Duration.ofSeconds(warmupSeconds));
        LoadRun.run("warm-up gateway (JIT)", sender(setup.gatewayClient(), factory), concurrency, limit, out, null);
        if (setup.bareClient() != null) {
            LoadRun.run("warm-up bare (JIT)", sender(setup.bareClient(), factory), concurrency, limit, out, null);
        }
    }

    private LoadResult load(String label, PartnerClient client, ServerCpu serverCpu, SizeClass.Factory factory,
                            SizeClass size) throws InterruptedException {
        LoadRun.Sender<Prepared> sender = sender(client, factory);
        int threads = size.isLarge() ? largeConcurrency : concurrency;
        if (warmupSeconds > 0 && !size.isLarge()) {
            LoadRun.run("warm-up " + label, sender, threads, LoadRun.Limit.of(Duration.ofSeconds(warmupSeconds)), out, null);
        }
        LoadRun.Limit limit = size.isLarge() ? LoadRun.Limit.of(largeMessages)
                : messages != null ? LoadRun.Limit.of(messages) : LoadRun.Limit.of(Duration.ofSeconds(durationSeconds));
        LoadResult result = LoadRun.run(label, sender, threads, limit, out, serverCpu);
        out.printf(Locale.ROOT, "  => %s: %.1f msg/s, p50 %.1f ms, p99 %.1f ms, server CPU %.2f ms/msg, %s, failures %d%n",
                label, result.rate(), result.percentileMillis(50), result.percentileMillis(99),
                result.serverCpuMsPerMessage(), result.statuses(), result.failures());
        return result;
    }

    private LoadRun.Sender<Prepared> sender(PartnerClient client, SizeClass.Factory factory) {
        return new LoadRun.Sender<>() {
            @Override
            public Prepared prepare(long seq) {
                // Numbers come from one counter for the whole run, so warm-up and rounds never repeat a CO.
                return new Prepared(client.newHeader(UUID.randomUUID(), null), factory.certificate(numbers.incrementAndGet()));
            }

            @Override
            public String send(Prepared p) throws Exception {
                return client.sendCertificate(p.header(), p.co()).status().name();
            }
        };
    }

    /** A message ready to send: header and CO built outside the timed part. */
    private record Prepared(MessageHeader header, Element co) {
    }

    /** The large CO in a JVM of its own whose heap is capped, so "fits in 256 MB" is tested, not assumed. */
    private Report.SizeRow large(SizeClass size, CryptoCost.Costs costs) throws Exception {
        out.printf(Locale.ROOT, "%nSize %s in a child JVM with -Xmx%s%n", size.label(), largeHeap);
        var jvm = new ArrayList<>(List.of("-Xmx" + largeHeap, "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + dir.toAbsolutePath()));
        jvm.addAll(childJvmOptions);
        var args = new ArrayList<>(Arrays.asList("--in-this-jvm", "--sizes", "large", "--large-mb",
                String.valueOf(largeMegabytes), "--large-messages", String.valueOf(largeMessages), "--large-concurrency",
                String.valueOf(largeConcurrency), "--backlog", "0", "--no-crypto", bare ? "--bare" : "--no-bare",
                "--dir", dir.toAbsolutePath().toString(), "--database", database, "--pg-url", pgUrl, "--pg-user", pgUser));
        ChildJvm.Outcome outcome = ChildJvm.run(jvm, args, out);
        out.printf(Locale.ROOT, "  child exit code %d%s%n", outcome.exitCode(), outcome.outOfMemory() ? ", OutOfMemoryError" : "");
        int payload = outcome.payloadBytes().isEmpty() ? 0 : outcome.payloadBytes().get(0);
        double cryptoMs = costs == null || payload == 0 ? 0 : costs.loopRsaMs() + 2 * new CryptoCost().symmetricMs(payload);
        var gateway = outcome.results().stream().filter(r -> r.label().startsWith("gateway")).toList();
        var bareResults = outcome.results().stream().filter(r -> r.label().startsWith("bare")).toList();
        if (gateway.isEmpty()) {
            gateway = List.of(new LoadResult("gateway large", largeMessages, largeMessages, java.util.Map.of(), 0,
                    LoadResult.newHistogram(), 0, 0, -1, "child JVM failed with exit code " + outcome.exitCode()));
        }
        return new Report.SizeRow(size, payload, gateway, bareResults, cryptoMs);
    }
}
