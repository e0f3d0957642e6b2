package org.coconnect.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine the figures come from, printed with them: figures without it cannot be compared. */
final class Machine {

    private Machine() {
    }

    static void describe(PrintStream out, String commandLine) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        out.println("Command: " + commandLine);
        out.printf(Locale.ROOT, "Machine: %d cores, %s, %s memory, load average %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), loadAverage());
        out.printf(Locale.ROOT, "Java: %s %s (%s), -Xmx %d MB, GC %s%n", runtime.getVmName(), runtime.getVmVersion(),
                System.getProperty("java.vendor"), Runtime.getRuntime().maxMemory() / 1048576, collectors());
    }

    private static String cpuModel() {
        return linesOf("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static String memory() {
        return linesOf("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format(Locale.ROOT, "%.1f GB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    /** A busy machine shows here; the figures are then noisy and only the ratios compare. */
    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String collectors() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    }

    private static List<String> linesOf(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
