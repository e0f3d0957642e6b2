package org.coconnect.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The final tables: every load with its ratios to the bare endpoint and to the crypto ceiling. */
final class Report {

    /** One size class: its payload and each round's gateway and bare results (bare may be empty). */
    record SizeRow(SizeClass size, int payloadBytes, List<LoadResult> gateway, List<LoadResult> bare,
                   double cryptoLoopMs) {
    }

    private static final String LINE = "-".repeat(143);
    private static final String CSV_HEADER =
            "size,payload_bytes,target,messages,failures,msg_per_s,p50_ms,p95_ms,p99_ms,peak_heap_mb,server_cpu_ms_per_msg";

    private Report() {
    }

    static void print(PrintStream out, List<SizeRow> rows, CryptoCost.Costs costs, BacklogDrain.Result backlog,
                      int concurrency) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.println();
        out.printf(Locale.ROOT, "Results (concurrency %d, %d cores, client and servers in one JVM unless noted)%n",
                concurrency, cores);
        out.println(LINE);
        out.printf(Locale.ROOT, "%-34s %9s %-8s %6s %5s %8s %8s %8s %8s %9s %10s %8s %8s%n", "size", "payload", "target",
                "msgs", "fail", "msg/s", "p50 ms", "p95 ms", "p99 ms", "peak MB", "srv CPU ms", "gw/bare", "gw/ceil");
        out.println(LINE);
        for (SizeRow row : rows) {
            printSize(out, row, cores);
        }
        out.println(LINE);
        out.println("gw/bare: gateway msg/s over bare CXF msg/s in the same run. gw/ceil: over the crypto ceiling. "
                + "crypto rows: msg/s = ceiling on all cores, p50 = ms of crypto per message, both sides.");
        out.println("srv CPU ms: CPU milliseconds per message of the receiving server's request threads (its Jetty pool; "
                + "GC and JIT not included). peak MB: sum of the heap pools' peaks (MemoryPoolMXBean), garbage included.");
        if (costs != null) {
            printCrypto(out, costs, cores);
        }
        if (backlog != null) {
            out.printf(Locale.ROOT, "Backlog: %d COs issued at %.0f/s; drained in %.1f s = %.1f msg/s; outbox %s%n",
                    backlog.backlog(), backlog.issueRate(), backlog.drainSeconds(), backlog.drainRate(), backlog.outbox());
        }
    }

    private static void printSize(PrintStream out, SizeRow row, int cores) {
        double ceiling = row.cryptoLoopMs() > 0 ? cores * 1000.0 / row.cryptoLoopMs() : Double.NaN;
        for (int i = 0; i < row.gateway().size(); i++) {
            LoadResult gw = row.gateway().get(i);
            LoadResult bare = i < row.bare().size() ? row.bare().get(i) : null;
            String label = row.size().label() + (row.gateway().size() > 1 ? " r" + (i + 1) : "");
            out.println(line(label, kb(row.payloadBytes()), "gateway", gw,
                    bare == null ? "" : ratio(gw.rate() / bare.rate()), ratio(gw.rate() / ceiling)));
            if (bare != null) {
                out.println(line("", "", "bare", bare, "", ratio(bare.rate() / ceiling)));
            }
            if (!gw.allAccepted()) {
                out.println("    gateway answers " + gw.statuses() + ", failures " + gw.failures()
                        + (gw.firstError() == null ? "" : ", first: " + gw.firstError()));
            }
            if (bare != null && bare.failures() > 0) {
                out.println("    bare failures " + bare.failures() + ", first: " + bare.firstError());
            }
        }
        if (row.cryptoLoopMs() > 0) {
            out.printf(Locale.ROOT, "%-34s %9s %-8s %6s %5s %8.1f %8.2f %8s %8s%n", "", "", "crypto", "", "", ceiling,
                    row.cryptoLoopMs(), "", "");
        }
    }

    private static String line(String size, String payload, String target, LoadResult r, String vsBare, String vsCeiling) {
        return String.format(Locale.ROOT, "%-34s %9s %-8s %6d %5d %8.1f %8.1f %8.1f %8.1f %9.0f %10.2f %8s %8s", size,
                payload, target, r.messages(), r.failures(), r.rate(), r.percentileMillis(50), r.percentileMillis(95),
                r.percentileMillis(99), r.peakHeapBytes() / 1048576.0, r.serverCpuMsPerMessage(), vsBare, vsCeiling);
    }

    private static void printCrypto(PrintStream out, CryptoCost.Costs c, int cores) {
        out.printf(Locale.ROOT, "Crypto (plain JCA, RSA-2048, one thread): sign %.3f ms, OAEP decrypt %.3f ms, "
                + "verify %.3f ms, OAEP encrypt %.3f ms%n", c.signMs(), c.decryptMs(), c.verifyMs(), c.encryptMs());
        out.printf(Locale.ROOT, "  per message, receiving side (decrypt + verify + sign + encrypt the ack): %.2f ms "
                + "= %.0f msg/s per core%n", c.serverRsaMs(), 1000 / c.serverRsaMs());
        out.printf(Locale.ROOT, "  per message, both sides on this machine (the 'crypto' rows add AES-GCM and SHA-256 "
                + "over the payload): %.2f ms = %.0f msg/s on %d cores%n", c.loopRsaMs(), cores * 1000 / c.loopRsaMs(), cores);
    }

    private static String kb(int bytes) {
        return bytes >= 1048576 ? String.format(Locale.ROOT, "%.2f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "";
    }

    /**
     * Appends the machine-readable figures (one CSV row per load) to a file, for the docs; a file with
     * other columns (an older harness) is moved aside to {@code <name>.old} first.
     */
    static void appendCsv(Path file, List<SizeRow> rows) throws IOException {
        var lines = new ArrayList<String>();
        if (Files.exists(file)) {
            try (Stream<String> existing = Files.lines(file)) {
                if (!existing.findFirst().orElse("").equals(CSV_HEADER)) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".old"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!Files.exists(file)) {
            lines.add(CSV_HEADER);
        }
        for (SizeRow row : rows) {
            for (LoadResult r : Stream.concat(row.gateway().stream(), row.bare().stream()).toList()) {
                lines.add(String.format(Locale.ROOT, "%s,%d,%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.0f,%.3f", row.size().name(),
                        row.payloadBytes(), r.label(), r.messages(), r.failures(), r.rate(), r.percentileMillis(50),
                        r.percentileMillis(95), r.percentileMillis(99), r.peakHeapBytes() / 1048576.0,
                        r.serverCpuMsPerMessage()));
            }
        }
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
