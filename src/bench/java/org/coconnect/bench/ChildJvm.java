package org.coconnect.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Runs part of the benchmark in a child JVM with its own heap cap (the large CO under -Xmx256m), and
 * carries its results back as one line each on its standard output.
 */
final class ChildJvm {

    private static final String RESULT = "BENCH-CHILD-RESULT ";

    /** What the child reported, and how it ended. */
    record Outcome(int exitCode, List<LoadResult> results, List<Integer> payloadBytes, boolean outOfMemory) {
    }

    private ChildJvm() {
    }

    /** Starts the bench command in a new JVM with these JVM options and arguments, echoing its output. */
    static Outcome run(List<String> jvmOptions, List<String> benchArgs, PrintStream out)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(BenchMain.CLASS_NAME);
        command.add("bench");
        command.addAll(benchArgs);
        out.println("  child JVM: java " + String.join(" ", jvmOptions) + " ... bench " + String.join(" ", benchArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var results = new ArrayList<LoadResult>();
        var payloads = new ArrayList<Integer>();
        boolean oom = false;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(RESULT)) {
                    String[] fields = line.substring(RESULT.length()).split("\t", -1);
                    payloads.add(Integer.parseInt(fields[0]));
                    results.add(parse(fields));
                } else {
                    oom |= line.contains("OutOfMemoryError");
                    out.println("  | " + line);
                }
            }
        }
        return new Outcome(process.waitFor(), results, payloads, oom);
    }

    /** The line a child prints for one result; the parent parses it back. */
    static String format(LoadResult r, int payloadBytes) {
        String statuses = r.statuses().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        var buffer = ByteBuffer.allocate(r.latencies().getNeededByteBufferCapacity());
        int length = r.latencies().encodeIntoCompressedByteBuffer(buffer);
        String latencies = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
        return RESULT + String.join("\t", String.valueOf(payloadBytes), r.label(), String.valueOf(r.messages()),
                String.valueOf(r.failures()), statuses, String.valueOf(r.seconds()), String.valueOf(r.peakHeapBytes()),
                String.valueOf(r.maxHeapBytes()), r.firstError() == null ? "" : r.firstError().replaceAll("[\t\r\n]+", " "),
                String.valueOf(r.serverCpuNanos()), latencies);
    }

    private static LoadResult parse(String[] f) {
        Map<String, Long> statuses = new TreeMap<>();
        for (String pair : f[4].split(";")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=");
                statuses.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        Histogram latencies;
        try {
            latencies = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(f[10])), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("child JVM sent an unreadable latency histogram", e);
        }
        return new LoadResult(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), statuses, Double.parseDouble(f[5]),
                latencies, Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[9]), f[8].isEmpty() ? null : f[8]);
    }

    /**
     * This JVM's classpath. Under {@code mvn exec:java} the project's classes are in a class loader of
     * the plugin's, not on java.class.path, so the loaders' URLs come first.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = ChildJvm.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader ucl) {
                for (URL url : ucl.getURLs()) {
                    entries.add(toPath(url));
                }
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        return String.join(File.pathSeparator, entries);
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.getPath();
        }
    }
}
